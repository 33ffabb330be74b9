using System.Collections.Frozen;
using System.Security.Cryptography;

namespace AiGovernance.Api.Web;

/// <summary>
/// The workspace's stylesheet and script, embedded in the assembly and served from memory: the pages
/// then work the same from a build, a publish or a test host, whatever the working directory.
/// Links carry a content hash (<see cref="Url"/>), so browsers may cache them for a year.
/// </summary>
public static class WorkspaceAssets
{
    private sealed record Asset(byte[] Content, string ContentType, string Hash);

    private static readonly FrozenDictionary<string, Asset> All = Load();

    public static string Url(string name) => $"/assets/{name}?v={All[name].Hash}";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/assets/{name}", (string name, HttpContext http) =>
        {
            if (!All.TryGetValue(name, out var asset)) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            http.Response.Headers.ETag = $"\"{asset.Hash}\"";
            return Results.Bytes(asset.Content, asset.ContentType);
        }).AllowAnonymous().ExcludeFromDescription();

    private static FrozenDictionary<string, Asset> Load()
    {
        var asm = typeof(WorkspaceAssets).Assembly;
        const string prefix = "workspace/";
        return asm.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToFrozenDictionary(
            n => n[prefix.Length..],
            n =>
            {
                using var stream = asm.GetManifestResourceStream(n)!;
                using var ms = new MemoryStream();
                stream.CopyTo(ms);
                var bytes = ms.ToArray();
                var type = n.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
                return new Asset(bytes, type, Convert.ToHexStringLower(SHA256.HashData(bytes))[..12]);
            });
    }
}
