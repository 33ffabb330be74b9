namespace AiGovernance.Core;

/// <summary>How the API should answer a refused domain operation.</summary>
public enum DomainErrorKind
{
    /// <summary>The operation conflicts with the current state (409).</summary>
    Conflict,
    /// <summary>The caller may not do this (403), e.g. a segregation-of-duties refusal.</summary>
    Forbidden,
    /// <summary>The input is well-formed but cannot be processed (422).</summary>
    Unprocessable,
    /// <summary>The subject does not exist for this caller (404).</summary>
    NotFound,
}

/// <summary>
/// A refused domain operation with a stable machine-readable code. Illegal transitions throw this
/// instead of silently doing nothing.
/// </summary>
public sealed class DomainException(DomainErrorKind kind, string code, string message) : Exception(message)
{
    public DomainErrorKind Kind { get; } = kind;
    public string Code { get; } = code;

    public static DomainException Conflict(string code, string message) => new(DomainErrorKind.Conflict, code, message);
    public static DomainException Forbidden(string code, string message) => new(DomainErrorKind.Forbidden, code, message);
    public static DomainException Unprocessable(string code, string message) => new(DomainErrorKind.Unprocessable, code, message);
    public static DomainException NotFound(string code, string message) => new(DomainErrorKind.NotFound, code, message);
}
