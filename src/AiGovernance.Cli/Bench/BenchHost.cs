using AiGovernance.Api.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Cli.Bench;

/// <summary>
/// The real API (same composition as AiGovernance.Api's Program.cs) on a loopback port inside this
/// process, so the benchmark exercises Kestrel, auth, rate limiting, JSON and the data layer end to end.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <param name="withWorker">Also run the worker side (job loop and handlers), as the Api host's Program.cs does.</param>
    public static async Task<BenchHost> StartAsync(CancellationToken ct, IReadOnlyDictionary<string, string?>? settings = null, bool withWorker = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The benchmark is one caller; the per-caller limiter must not be what it measures.
            ["Governance:Api:PermitsPerMinute"] = "10000000",
            // Per-request Information logging would dominate the measurement; warnings and errors still show.
            ["Serilog:MinimumLevel:Override:Serilog.AspNetCore"] = "Warning",
            ["Serilog:MinimumLevel:Override:AiGovernance"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft"] = "Warning",
            ["Governance:Logging:Directory"] = Path.Combine(Path.GetTempPath(), "aigov-bench-logs"),
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddGovernanceApi();
        if (withWorker) AiGovernance.Worker.WorkerHosting.AddGovernanceWorker(builder);
        var app = builder.Build();
        app.UseGovernanceApi();
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
