using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AiGovernance.Api.Infrastructure;

public static class Authentication
{
    /// <summary>JWT bearer: a local signing key by default, or an OpenID Connect authority (see <see cref="AuthOptions"/>).</summary>
    public static IServiceCollection AddGovernanceAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>>((jwt, auth) =>
        {
            var a = auth.Value;
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = a.Issuer,
                ValidAudience = a.Audience,
                RoleClaimType = "role",
                NameClaimType = "sub",
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            if (a.TenantClaim != "tid")
            {
                // Requests are scoped by "tid"; with another configured claim, only that claim's value may set it.
                jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = ctx =>
                    {
                        if (ctx.Principal?.Identity is ClaimsIdentity id)
                        {
                            foreach (var c in id.FindAll("tid").ToList()) id.RemoveClaim(c);
                            if (id.FindFirst(a.TenantClaim) is { } tenant) id.AddClaim(new Claim("tid", tenant.Value));
                        }
                        return Task.CompletedTask;
                    },
                };
            }
            if (!string.IsNullOrEmpty(a.Authority)) jwt.Authority = a.Authority;
            else jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(a.SigningKey!));
        });
        return services;
    }
}
