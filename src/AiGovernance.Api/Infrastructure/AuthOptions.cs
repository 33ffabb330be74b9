using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Api.Infrastructure;

/// <summary>
/// JWT bearer settings. By default tokens are signed locally (aigov tokens issue); set Authority to
/// use a real identity provider instead (its signing keys are then fetched from its metadata).
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Governance:Auth";

    public string Issuer { get; set; } = "aigov-local";
    public string Audience { get; set; } = "aigov-api";
    /// <summary>OpenID Connect authority of an external identity provider; empty = local signing key.</summary>
    public string? Authority { get; set; }
    /// <summary>Symmetric key (at least 32 characters) for locally issued tokens.</summary>
    [MinLength(32)]
    public string? SigningKey { get; set; }
    /// <summary>Claim carrying the tenant id.</summary>
    public string TenantClaim { get; set; } = "tid";
}
