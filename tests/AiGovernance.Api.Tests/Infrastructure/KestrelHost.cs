using Microsoft.AspNetCore.Mvc.Testing;

namespace AiGovernance.Api.Tests.Infrastructure;

/// <summary>
/// The API on a real Kestrel server (loopback, random port). Server limits such as the maximum request
/// body size are Kestrel's, and the in-memory test server does not apply them.
/// </summary>
public sealed class KestrelHost : IAsyncLifetime
{
    public WebApplicationFactory<Program> Factory { get; } = ApiFixture.CreateFactory();

    public Task InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
