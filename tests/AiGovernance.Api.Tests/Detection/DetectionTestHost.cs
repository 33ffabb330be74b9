using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Data.Detection;
using AiGovernance.Worker;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Api.Tests.Detection;

/// <summary>
/// A host that scores (the shared test host does not) with its background loop off: the test runs the
/// worker for its own tenant only, so it sees exactly the scoring it caused.
/// </summary>
public sealed class DetectionTestHost : IAsyncDisposable
{
    public WebApplicationFactory<Program> Factory { get; }
    public TestTenant Tenant { get; private set; } = null!;

    private DetectionTestHost(params (string, string)[] settings) =>
        Factory = ApiFixture.CreateFactory([("Governance:Worker:Enabled", "false"), ("Governance:Detection:Enabled", "true"), .. settings]);

    public static async Task<DetectionTestHost> StartAsync(ApiFixture fixture, params (string, string)[] settings)
    {
        var host = new DetectionTestHost(settings);
        host.Tenant = await fixture.CreateTenantAsync(factory: host.Factory);
        return host;
    }

    /// <summary>Runs this tenant's due jobs until none are left.</summary>
    public Task RunWorkerAsync() => Tenant.RunJobsAsync();

    public async Task<JsonElement> SubmitAndScoreAsync(HttpClient client, JsonObject body)
    {
        var req = await client.SubmitAsync(body);
        await RunWorkerAsync();
        return req;
    }

    public async Task<IReadOnlyList<JsonElement>> DetectionsAsync(JsonElement requisition) =>
        (await (await Tenant.As("u-grace").GetAsync($"/api/requisitions/{requisition.Id()}/detections")).ReadAsync(HttpStatusCode.OK)).Items().ToList();

    public async Task<JsonElement> DetectionAsync(JsonElement requisition, string detector) =>
        Assert.Single(await DetectionsAsync(requisition), d => d.Str("detector") == detector);

    public async Task<IReadOnlyList<JsonElement>> PendingRecommendationsAsync(JsonElement requisition) =>
        (await (await Tenant.As("u-grace").GetAsync($"/api/recommendations?status=pending&subject={requisition.Id()}")).ReadAsync(HttpStatusCode.OK))
        .Items().ToList();

    /// <summary>Purchase history the price-variance model compares with, as the ERP import would load it.</summary>
    public async Task ImportHistoryAsync(IEnumerable<PriceHistoryLine> lines)
    {
        await using var scope = await Tenant.OwnerScopeAsync();
        await PriceHistory.ImportAsync(scope, lines, "test", CancellationToken.None);
        await scope.CommitAsync();
    }

    /// <summary>A requisition body with one line and an optional supplier reference.</summary>
    public static JsonObject Requisition(string supplier, string description, decimal quantity, decimal unitPrice, string? reference = null,
        string item = "ITEM-1", string costCentre = "CC-EU-PHARMA", string uom = "EA", string legalEntity = "LE-EU")
    {
        var body = TestApi.Requisition(unitPrice, supplier: supplier, costCentre: costCentre, legalEntity: legalEntity);
        var line = body["lines"]![0]!.AsObject();
        line["item_code"] = item;
        line["description"] = description;
        line["quantity"] = quantity;
        line["unit_of_measure"] = uom;
        if (reference is not null) body["supplier_reference"] = reference;
        return body;
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
