using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AiGovernance.Api.Tests.Infrastructure;

/// <summary>
/// A minimal OpenID Connect provider on loopback for the sign-in tests: discovery, keys, an authorize
/// endpoint that signs in <see cref="NextUser"/> at once, and a token endpoint issuing an RS256 ID token.
/// The service under test talks to it exactly as to a real provider (metadata, code exchange, signature).
/// </summary>
public sealed class OidcStubProvider : IAsyncDisposable
{
    public const string ClientId = "aigov-workspace";
    public const string ClientSecret = "stub-secret";

    private readonly WebApplication app;
    private readonly RsaSecurityKey signingKey = new(RSA.Create(2048)) { KeyId = "stub-key-1" };
    private readonly ConcurrentDictionary<string, string> nonces = new();

    /// <summary>Who the provider says signs in next, and the tenant claim it puts in the token.</summary>
    public (string User, string Tenant) NextUser { get; set; }
    public Uri Authority { get; private set; } = null!;

    private OidcStubProvider(WebApplication app) => this.app = app;

    /// <summary>
    /// Starts on <paramref name="port"/>. Start it after the service's own test host: a WebApplication built while
    /// WebApplicationFactory is still resolving Program would be taken for the service's host.
    /// </summary>
    public static async Task<OidcStubProvider> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var app = builder.Build();
        app.Urls.Add($"http://127.0.0.1:{port}");
        var stub = new OidcStubProvider(app);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = stub.Issuer,
            ["authorization_endpoint"] = stub.Issuer + "/authorize",
            ["token_endpoint"] = stub.Issuer + "/token",
            ["jwks_uri"] = stub.Issuer + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var pub = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(stub.signingKey.Rsa.ExportParameters(false)) { KeyId = stub.signingKey.KeyId });
            return Results.Json(new { keys = new[] { new { kty = pub.Kty, kid = pub.Kid, use = "sig", alg = "RS256", n = pub.N, e = pub.E } } });
        });
        app.MapGet("/authorize", (HttpRequest r) =>
        {
            var code = Guid.NewGuid().ToString("N");
            stub.nonces[code] = r.Query["nonce"].ToString();
            return Results.Redirect($"{r.Query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(r.Query["state"].ToString())}");
        });
        app.MapPost("/token", async (HttpRequest r) =>
        {
            var form = await r.ReadFormAsync();
            if (!stub.nonces.TryRemove(form["code"].ToString(), out var nonce)) return Results.BadRequest(new { error = "invalid_grant" });
            return Results.Json(new { access_token = "stub-access", token_type = "Bearer", expires_in = 300, id_token = stub.IdToken(nonce) });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub.Authority = new Uri(address);
        return stub;
    }

    private string Issuer => Authority.ToString().TrimEnd('/');

    private string IdToken(string nonce) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = ClientId,
        Subject = new ClaimsIdentity([new Claim("sub", "idp-" + NextUser.User), new Claim("preferred_username", NextUser.User),
            new Claim("tid", NextUser.Tenant), new Claim("nonce", nonce)]),
        IssuedAt = DateTime.UtcNow,
        Expires = DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
    });

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
