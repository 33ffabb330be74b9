using AiGovernance.Api.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiGovernance.Api.Web;

/// <summary>
/// The reviewer workspace: Razor Pages under Pages/, signed in with a cookie session (development
/// sign-in or OpenID Connect), every form protected against cross-site request forgery. The API
/// keeps its bearer tokens; a page never accepts a token and the API never accepts the cookie.
/// </summary>
public static class WebHosting
{
    public const string CookieScheme = "aigov-web";
    public const string OidcScheme = "oidc";
    public const string PagePolicy = "workspace";

    public static IHostApplicationBuilder AddGovernanceWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebOptions>().BindConfiguration(WebOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => !o.OidcEnabled || !string.IsNullOrWhiteSpace(o.OidcClientId), "Governance:Web:OidcClientId is required with OidcAuthority.")
            .ValidateOnStart();
        var web = builder.Configuration.GetSection(WebOptions.SectionName).Get<WebOptions>() ?? new WebOptions();

        var auth = builder.Services.AddAuthentication();
        auth.AddCookie(CookieScheme, o =>
        {
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-in";
            o.AccessDeniedPath = "/forbidden";
            o.Cookie.Name = "aigov-session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(web.SessionHours);
            o.SlidingExpiration = true;
        });
        if (web.OidcEnabled) auth.AddOpenIdConnect(OidcScheme, o => ConfigureOidc(o, web));

        builder.Services.AddAuthorizationBuilder().AddPolicy(PagePolicy, p => p.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser());
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/", PagePolicy);
            o.Conventions.AllowAnonymousToPage("/SignIn");
        }).ConfigureApplicationPartManager(parts =>
        {
            // Another entry assembly (the CLI's in-process benchmark host) does not find these pages by itself.
            var asm = typeof(WebHosting).Assembly;
            if (parts.ApplicationParts.Any(p => p.Name == asm.GetName().Name)) return;
            foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(asm).GetApplicationParts(asm)) parts.ApplicationParts.Add(part);
        });
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "aigov-antiforgery");
        return builder;
    }

    public static WebApplication UseGovernanceWeb(this WebApplication app)
    {
        WorkspaceAssets.Map(app);
        app.MapRazorPages();
        return app;
    }

    private static void ConfigureOidc(OpenIdConnectOptions o, WebOptions web)
    {
        o.SignInScheme = CookieScheme;
        o.Authority = web.OidcAuthority;
        o.ClientId = web.OidcClientId;
        o.ClientSecret = web.OidcClientSecret;
        o.ResponseType = "code";
        o.MapInboundClaims = false;
        o.CallbackPath = "/signin-oidc";
        o.RequireHttpsMetadata = web.OidcRequireHttpsMetadata;
        o.Scope.Add("profile");
        // The provider answers with a top-level redirect (query), so the correlation cookies can be SameSite=Lax:
        // form_post would need SameSite=None, which browsers drop without https.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.Events.OnRemoteFailure = ctx =>
        {
            // Back to the sign-in page with the reason, instead of an error page the person cannot act on.
            ctx.Response.Redirect("/sign-in?problem=" + Uri.EscapeDataString(ctx.Failure?.Message ?? "The identity provider refused the sign-in."));
            ctx.HandleResponse();
            return Task.CompletedTask;
        };
        o.Events.OnTokenValidated = async ctx =>
        {
            // The identity provider says who the person is and which tenant they belong to; what they may do
            // comes from that tenant's user list, exactly as for bearer tokens.
            var services = ctx.HttpContext.RequestServices;
            var tenantClaim = services.GetRequiredService<IOptions<AuthOptions>>().Value.TenantClaim;
            var userId = ctx.Principal?.FindFirst(web.OidcUserClaim)?.Value;
            var tenant = ctx.Principal?.FindFirst(tenantClaim)?.Value;
            if (userId is null || !Guid.TryParse(tenant, out var tenantId))
            {
                ctx.Fail($"The identity provider's token must carry '{web.OidcUserClaim}' and a tenant id in '{tenantClaim}'.");
                return;
            }
            var principal = await WorkspaceIdentity.ForUserAsync(services.GetRequiredService<NpgsqlDataSource>(), tenantId, userId, OidcScheme, ctx.HttpContext.RequestAborted);
            if (principal is null) ctx.Fail($"'{userId}' is not an active user of that tenant.");
            else ctx.Principal = principal;
        };
    }
}
