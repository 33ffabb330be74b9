using Microsoft.AspNetCore.Mvc.Testing;

namespace AiGovernance.Api.Tests.Infrastructure;

/// <summary>
/// The API on a real Kestrel server (loopback, random port). Server limits such as the maximum request
/// body size are Kestrel's, and the in-memory test server does not apply them.
/// </summary>
public sealed class KestrelHost : IAsyncLifetime
{
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public Task InitializeAsync()
    {
        (Factory, _) = FreePort.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (Factory is not null) await Factory.DisposeAsync();
    }
}
