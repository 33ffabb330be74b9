using AiGovernance.Core;
using AiGovernance.Data.Policies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AiGovernance.Api.Infrastructure;

/// <summary>
/// Maps exceptions to RFC 7807 problem details with a stable <c>code</c>. Domain refusals keep their
/// code; validation failures list field errors; anything else is a 500 without internals.
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            DomainException d => Problem(StatusOf(d.Kind), d.Code, d.Message),
            ValidationFailedException v => Validation(v.Errors),
            PolicyInvalidException p => PolicyErrors(p),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } big => Problem(413, "request_too_large", big.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } b => Problem(415, "unsupported_media_type", b.Message),
            BadHttpRequestException b => Problem(400, "bad_request", b.InnerException is System.Text.Json.JsonException j ? "The request body is not valid JSON for this endpoint: " + j.Message : b.Message),
            System.Text.Json.JsonException j => Problem(400, "malformed_json", "The request body is not valid JSON for this endpoint: " + j.Message),
            Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.NumericValueOutOfRange } => Problem(422, "value_out_of_range", "A number in the request is too large to store (amounts are limited to 16 digits before the decimal point)."),
            Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.CharacterNotInRepertoire or Npgsql.PostgresErrorCodes.UntranslatableCharacter or "22P05" } => Problem(422, "invalid_characters", "The request contains characters that cannot be stored (for example NUL)."),
            Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } => Problem(409, "conflict", "The request conflicts with a concurrent change; retry it."),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, http.Request.Path);
            problem = Problem(500, "internal_error", "An unexpected error occurred; it has been logged with the correlation id.");
        }
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The HTTP status of a domain refusal; the API's problem details and the workspace's problem page share it.</summary>
    public static int StatusOf(DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
        DomainErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public static ProblemDetails Problem(int status, string code, string detail) => new()
    {
        Status = status,
        Title = code.Replace('_', ' '),
        Detail = detail,
        Type = $"https://aigov.dev/problems/{code}",
        Extensions = { ["code"] = code },
    };

    public static HttpValidationProblemDetails Validation(IReadOnlyDictionary<string, string[]> errors) => new(errors.ToDictionary())
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "validation failed",
        Detail = "One or more fields are invalid.",
        Type = "https://aigov.dev/problems/validation_failed",
        Extensions = { ["code"] = "validation_failed" },
    };

    private static ProblemDetails PolicyErrors(PolicyInvalidException p)
    {
        var problem = Problem(422, "policy_invalid", $"The policy has {p.Errors.Count} error(s).");
        problem.Extensions["errors"] = p.Errors.Select(e => new { line = e.Line, column = e.Column, path = e.Path, message = e.Message }).ToList();
        return problem;
    }
}
