using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Ml.Registry;
using AiGovernance.Worker;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Api.Tests.Models;

/// <summary>
/// A host whose model registry is a temporary copy of the repository's models/ (tests never touch the
/// real registry.json) and whose operator tenant is the test's own tenant.
/// </summary>
public sealed class PromotionTestHost : IAsyncDisposable
{
    public WebApplicationFactory<Program> Factory { get; }
    public TestTenant Tenant { get; private set; } = null!;
    public ModelRegistry Registry { get; }
    private string? _operatorSlug;

    private PromotionTestHost(string modelsDir, (string, string)[] settings, Action<IServiceCollection>? services)
    {
        Registry = new ModelRegistry(modelsDir);
        // The operator tenant is created after the factory; configuration is read when the host first starts.
        // The copy lives in a temp folder without datasets/ beside it: drift reads the repository's training data.
        var datasets = Path.Combine(Path.GetDirectoryName(ModelRegistry.Locate(null, AppContext.BaseDirectory))!, "datasets");
        Factory = ApiFixture.CreateFactory([("Governance:Worker:Enabled", "false"), ("Governance:Detection:ModelsDirectory", modelsDir),
                ("Governance:Retraining:Datasets:duplicate", Path.Combine(datasets, "duplicate", "train.csv")),
                ("Governance:Retraining:Datasets:price-variance", Path.Combine(datasets, "price-variance", "train.csv")), .. settings])
            .WithWebHostBuilder(b =>
            {
                b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection([new("Governance:Models:OperatorTenant", _operatorSlug)]));
                if (services is not null) b.ConfigureServices(services);
            });
    }

    public static Task<PromotionTestHost> StartAsync(ApiFixture fixture, params (string, string)[] settings) => StartAsync(fixture, null, settings);

    public static async Task<PromotionTestHost> StartAsync(ApiFixture fixture, Action<IServiceCollection>? services, params (string, string)[] settings)
    {
        var host = new PromotionTestHost(CopyOfRepositoryModels(), settings, services);
        host.Tenant = await fixture.CreateTenantAsync(factory: host.Factory);
        host._operatorSlug = host.Tenant.Slug;
        return host;
    }

    public static string CopyOfRepositoryModels()
    {
        var source = ModelRegistry.Locate(null, AppContext.BaseDirectory);
        var target = Directory.CreateTempSubdirectory("aigov-models-").FullName;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    /// <summary>
    /// A challenger: the champion's model under a new version, with the trainer's comparison written into
    /// its metrics.json the way `aigov models train --dataset` does.
    /// </summary>
    public string AddChallenger(string kind, double challengerF1, double championF1)
    {
        var champion = Registry.ActiveVersion(kind)!;
        var version = $"test-{Guid.NewGuid():N}"[..16];
        var dir = Registry.DirectoryOf(kind, version);
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(Registry.DirectoryOf(kind, champion), "model.zip"), Path.Combine(dir, "model.zip"));
        foreach (var extra in new[] { "params.json", "card.md" })
        {
            var from = Path.Combine(Registry.DirectoryOf(kind, champion), extra);
            if (File.Exists(from)) File.Copy(from, Path.Combine(dir, extra));
        }
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(Registry.DirectoryOf(kind, champion), "metrics.json")))!.AsObject();
        metrics["version"] = version;
        metrics["comparison"] = new JsonObject
        {
            ["primary_metric"] = "f1", ["higher_is_better"] = true, ["challenger"] = challengerF1, ["champion"] = championF1,
            ["champion_version"] = champion, ["recommended_action"] = challengerF1 >= championF1 ? "promote" : "keep_champion",
        };
        File.WriteAllText(Path.Combine(dir, "metrics.json"), metrics.ToJsonString());
        return version;
    }

    public async Task<JsonElement> RequestAsync(HttpClient client, string kind, string version, string? overrideReason = null, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var body = new JsonObject { ["version"] = version, ["reason"] = "retrained on reviewer outcomes" };
        if (overrideReason is not null) body["override_reason"] = overrideReason;
        return await (await client.PostJsonAsync($"/api/models/{kind}/promotions", body)).ReadAsync(expected);
    }

    public static Task<HttpResponseMessage> ApproveAsync(HttpClient client, long id) =>
        client.PostJsonAsync($"/api/models/promotions/{id}/approve", new JsonObject { ["reason"] = "metrics checked" });

    public async Task<IReadOnlyList<JsonElement>> LogAsync(string kind) =>
        (await Tenant.As("u-hannah").DecisionLogAsync($"?kind={kind}")).Items().ToList();

    /// <summary>Runs this tenant's due jobs (scoring) until none are left.</summary>
    public Task RunWorkerAsync() => Tenant.RunJobsAsync();

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        try { Directory.Delete(Registry.Root, recursive: true); } catch (IOException) { /* a loaded model may still be mapped; temp is cleaned anyway */ }
    }
}

internal static class PromotionJson
{
    public static long PromotionId(this JsonElement e) => e.GetProperty("id").GetInt64();
    public static JsonElement Payload(this JsonElement logEntry) => logEntry.GetProperty("payload");
    public static string Json(this JsonElement e) => JsonSerializer.Serialize(e);
}
