using AiGovernance.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AiGovernance.Api.Tests.Workspace;

/// <summary>
/// Real deployments sign people in through their identity provider: the whole authorization-code flow
/// in the browser against a provider on loopback, with the person's roles taken from the tenant's users.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OidcSignInTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_person_signs_in_through_the_identity_provider_with_their_tenant_roles()
    {
        var idpPort = FreePort.Next();
        var (factory, baseAddress) = FreePort.StartKestrel(
            ("Governance:Web:DevSignIn", "false"),
            ("Governance:Web:OidcAuthority", $"http://127.0.0.1:{idpPort}/"),
            ("Governance:Web:OidcClientId", OidcStubProvider.ClientId),
            ("Governance:Web:OidcClientSecret", OidcStubProvider.ClientSecret),
            ("Governance:Web:OidcRequireHttpsMetadata", "false"));
        await using var _ = factory;
        var address = baseAddress.ToString();
        await using var idp = await OidcStubProvider.StartAsync(idpPort);
        var tenant = await fixture.CreateTenantAsync(factory: factory);
        await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(1500));

        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await WorkspaceBrowser.LaunchAsync(playwright);
        await using var context = await chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = address });
        var page = await context.NewPageAsync();

        // The development sign-in is off: nobody can pick a user, only go to the provider.
        await page.GotoAsync("/queue");
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("button[data-user]")).ToHaveCountAsync(0);

        idp.NextUser = ("u-david", tenant.Id.ToString());
        await page.ClickAsync("[data-oidc]");
        await page.WaitForURLAsync("**/queue");
        await Assertions.Expect(page.Locator("table.queue tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".who")).ToContainTextAsync("David");

        // Someone the provider knows but the tenant does not: refused with the reason, no session.
        await using var other = await chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = address });
        var stranger = await other.NewPageAsync();
        idp.NextUser = ("u-nobody", tenant.Id.ToString());
        await stranger.GotoAsync("/sign-in");
        await stranger.ClickAsync("[data-oidc]");
        await stranger.WaitForURLAsync("**/sign-in**");
        await Assertions.Expect(stranger.Locator(".flash.error")).ToContainTextAsync("u-nobody");
        await stranger.GotoAsync("/queue");
        Assert.Contains("/sign-in", stranger.Url, StringComparison.Ordinal);
    }
}
