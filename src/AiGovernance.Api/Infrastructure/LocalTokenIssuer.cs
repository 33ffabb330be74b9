using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AiGovernance.Api.Infrastructure;

/// <summary>Issues development tokens signed with the local key (aigov tokens issue, the tests, the benchmark).</summary>
public static class LocalTokenIssuer
{
    public static string Issue(AuthOptions options, Guid tenantId, string userId, IEnumerable<string> roles, TimeSpan lifetime, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(options.SigningKey) || options.SigningKey.Length < 32)
            throw new InvalidOperationException("Governance:Auth:SigningKey must be set (at least 32 characters) to issue local tokens.");
        var claims = new List<Claim> { new("sub", userId), new(options.TenantClaim, tenantId.ToString()) };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime.AddSeconds(-5),
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
