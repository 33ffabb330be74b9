using AiGovernance.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AiGovernance.Api.Tests.Workspace;

/// <summary>
/// The service on a real Kestrel port and Debian's headless Chromium driven by Playwright: the browser
/// tests walk the pages as a person would, against the real database. One browser per test class;
/// every test signs in its own context (own cookies) for a user of its own tenant. The host's worker
/// loop is off, so a test runs exactly the jobs it caused (<see cref="TestTenant.RunJobsAsync"/>).
/// </summary>
public sealed class WorkspaceBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private readonly List<IBrowserContext> contexts = [];

    public WebApplicationFactory<Program> Factory { get; } =
        // urls: a free loopback port. UseKestrel(0) alone left the default localhost:5000, which collides with any other test run on the machine.
        ApiFixture.CreateFactory(("Governance:Worker:Enabled", "false"), ("Governance:Detection:Enabled", "true"), ("urls", "http://127.0.0.1:0"));
    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where screenshots go: $AIGOV_SCREENSHOTS (test.sh puts it under the test results), else beside the tests.</summary>
    public static string ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("AIGOV_SCREENSHOTS") is { Length: > 0 } d ? d : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: the browser tests need Debian's chromium (scripts/ensure-tools.sh installs it).");
        Factory.UseKestrel(0);
        Factory.StartServer();
        var address = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    public Task<TestTenant> CreateTenantAsync(ApiFixture fixture, string? policyYaml = null) => fixture.CreateTenantAsync(policyYaml, Factory);

    /// <summary>A fresh browser context signed in as <paramref name="userId"/> of <paramref name="tenant"/> through the sign-in page.</summary>
    public async Task<IPage> SignInAsync(TestTenant tenant, string userId, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        contexts.Add(context);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync($"/sign-in?tenant={tenant.Slug}");
        await page.ClickAsync($"button[data-user='{userId}']");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        if (page.Url.Contains("/sign-in", StringComparison.Ordinal))
            throw new InvalidOperationException($"signing in as {userId} stayed on the sign-in page: {await page.InnerTextAsync("main")}");
        return page;
    }

    /// <summary>A plain HTTP client for the Kestrel address (the factory's own clients talk to its in-memory server).</summary>
    public HttpClient HttpClient(bool allowRedirects) =>
        new(new HttpClientHandler { AllowAutoRedirect = allowRedirects, UseCookies = false }) { BaseAddress = BaseAddress };

    /// <summary>Saves a full-page screenshot named after the test step, so a reviewer can see every page the tests saw.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        foreach (var c in contexts) await c.CloseAsync();
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
