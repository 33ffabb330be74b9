using AiGovernance.Api.Web;
using AiGovernance.Data.Directory;
using AiGovernance.Data.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiGovernance.Api.Pages;

/// <summary>
/// Development sign-in: pick a user of a tenant and act with their roles. Real deployments use
/// OpenID Connect instead (Governance:Web:OidcAuthority); with neither, nobody can sign in.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(NpgsqlDataSource db, IOptions<WebOptions> options) : PageModel
{
    public WebOptions Options => options.Value;
    [BindProperty(SupportsGet = true)] public string? Tenant { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public IReadOnlyList<UserRecord> Users { get; private set; } = [];
    /// <summary>Why the last sign-in failed (the identity provider's refusal arrives here as ?problem=).</summary>
    [BindProperty(SupportsGet = true)] public string? Problem { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Options.DevSignIn) return Page();
        Tenant = string.IsNullOrWhiteSpace(Tenant) ? Options.DefaultTenant : Tenant.Trim();
        if (await Tenants.IdForSlugAsync(db, Tenant, ct) is not { } tenantId)
        {
            Problem = $"There is no tenant '{Tenant}'.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        await using var scope = await TenantScope.BeginAsync(db, tenantId, ct);
        Users = (await MasterData.GetUsersAsync(scope, null, ct)).Where(u => u.Active).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? user, CancellationToken ct)
    {
        if (!Options.DevSignIn) return NotFound();
        var tenantId = string.IsNullOrWhiteSpace(Tenant) ? null : await Tenants.IdForSlugAsync(db, Tenant.Trim(), ct);
        var principal = tenantId is { } id && !string.IsNullOrWhiteSpace(user)
            ? await WorkspaceIdentity.ForUserAsync(db, id, user, WebHosting.CookieScheme, ct) : null;
        if (principal is null)
        {
            Problem = $"'{user}' is not an active user of tenant '{Tenant}'.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await OnGetAsync(ct);
        }
        await HttpContext.SignInAsync(WebHosting.CookieScheme, principal);
        return LocalRedirect(ReturnUrl is { } r && Url.IsLocalUrl(r) ? r : WorkspaceNav.Home(principal));
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(WebHosting.CookieScheme);
        return LocalRedirect("/sign-in");
    }

    public IActionResult OnGetOidc() => Options.OidcEnabled
        ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, WebHosting.OidcScheme)
        : NotFound();

    private string SafeReturnUrl() => ReturnUrl is { } r && Url.IsLocalUrl(r) ? r : "/";
}
