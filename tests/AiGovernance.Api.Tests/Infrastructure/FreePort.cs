using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Api.Tests.Infrastructure;

/// <summary>
/// A loopback port nobody listens on right now. A factory from WithWebHostBuilder does not pass the port of
/// UseKestrel(port) on (it ends up on Kestrel's default 5000), so test hosts name their address themselves.
/// </summary>
public static class FreePort
{
    /// <summary>The service on a real Kestrel server at a free loopback port, started.</summary>
    public static (Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Factory, Uri Address) StartKestrel(params (string Key, string Value)[] settings) =>
        StartKestrel(null, settings);

    /// <summary>As above, with <paramref name="clock"/> (when given) as the host's TimeProvider.</summary>
    public static (Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Factory, Uri Address) StartKestrel(TimeProvider? clock,
        params (string Key, string Value)[] settings)
    {
        var port = Next();
        var factory = ApiFixture.CreateFactory([.. settings, ("urls", $"http://127.0.0.1:{port}")]);
        if (clock is not null)
            factory = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton(clock)));
        factory.UseKestrel(port);
        factory.StartServer();
        return (factory, new Uri($"http://127.0.0.1:{port}/"));
    }

    public static int Next()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
