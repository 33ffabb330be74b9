using System.Net;
using System.Text.RegularExpressions;

namespace AiGovernance.Cli.Bench.Pages;

/// <summary>
/// A signed-in workspace session over plain HTTP, as a browser has it: the development sign-in form
/// (with its antiforgery token), then the session cookie on every request.
/// </summary>
public static partial class WorkspaceSession
{
    public static async Task<HttpClient> SignInAsync(Uri baseAddress, string tenantSlug, string userId, CancellationToken ct)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var form = await http.GetStringAsync(new Uri($"/sign-in?tenant={Uri.EscapeDataString(tenantSlug)}", UriKind.Relative), ct);
        var token = AntiforgeryToken().Match(form) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new CliException("the sign-in page has no antiforgery token; is Governance:Web:DevSignIn on?");
        using var post = await http.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["tenant"] = tenantSlug, ["user"] = userId, ["__RequestVerificationToken"] = token,
        }), ct);
        if (post.StatusCode != HttpStatusCode.Redirect)
            throw new CliException($"signing in as {userId} answered {(int)post.StatusCode}, expected a redirect");
        return http;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
