namespace AiGovernance.Api.Web;

/// <summary>
/// The reviewer workspace (server-rendered pages). Development sign-in lists a tenant's users and signs
/// in as any of them: never enable it where real data lives. Real deployments set Oidc* to their
/// identity provider; the person's roles then come from the tenant's users, as for tokens.
/// </summary>
public sealed class WebOptions
{
    public const string SectionName = "Governance:Web";

    /// <summary>Show the development sign-in (pick a user of a tenant). Off unless configured; run.sh and the tests turn it on.</summary>
    public bool DevSignIn { get; set; }
    /// <summary>Tenant slug the development sign-in starts with.</summary>
    public string DefaultTenant { get; set; } = "demo";
    /// <summary>OpenID Connect authority (issuer URL) of the identity provider; empty = no OIDC sign-in.</summary>
    public string? OidcAuthority { get; set; }
    public string? OidcClientId { get; set; }
    public string? OidcClientSecret { get; set; }
    /// <summary>Claim of the ID token that names the user as in the tenant's user list.</summary>
    public string OidcUserClaim { get; set; } = "preferred_username";
    /// <summary>Fetch the provider's metadata over https only; turn off solely for a provider on the development machine.</summary>
    public bool OidcRequireHttpsMetadata { get; set; } = true;
    /// <summary>How long a workspace session lasts without activity.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 24 * 7)]
    public int SessionHours { get; set; } = 8;

    public bool OidcEnabled => !string.IsNullOrWhiteSpace(OidcAuthority);
}
