using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Recommendations;

/// <summary>Bodies and calls for the recommendation and review tests.</summary>
internal static class RecommendationApi
{
    public const string Path = "/api/recommendations";
    public const string AgentId = "svc-dup-detector";

    /// <summary>
    /// A "hold as probable duplicate" recommendation. Thirty days by default so that another test's
    /// fake clock, advancing shared jobs, cannot expire it mid-test.
    /// </summary>
    public static JsonObject Hold(Guid requisitionId, string inputHash = "sha256:input-1", int? expiresInHours = 720,
        string kind = "requisition.hold", string reason = "probable duplicate of REQ-000001") => new()
    {
        ["kind"] = kind,
        ["subject"] = new JsonObject { ["type"] = "requisition", ["id"] = requisitionId.ToString() },
        ["payload"] = new JsonObject { ["reason"] = reason, ["duplicate_probability"] = 0.93 },
        ["confidence"] = 0.93,
        ["producer"] = new JsonObject { ["name"] = "duplicate-detector", ["model_version"] = "dup-2026-11-01" },
        ["evidence"] = new JsonArray(new JsonObject { ["type"] = "requisition", ["ref"] = "REQ-000001", ["excerpt"] = "same supplier, same lines, 2 days apart" }),
        ["input_hash"] = inputHash,
        ["expires_in_hours"] = expiresInHours,
    };

    public static HttpClient Agent(this TestTenant tenant) => tenant.As(AgentId, "agent");

    public static async Task<JsonElement> PostAsync(this HttpClient client, JsonObject body, HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await client.PostJsonAsync(Path, body)).ReadAsync(expected);

    public static Task<HttpResponseMessage> DecideOnAsync(this HttpClient client, JsonElement rec, string decision, string? reason = null,
        JsonNode? payload = null) =>
        client.PostJsonAsync($"{Path}/{rec.Id()}/decision", new JsonObject { ["decision"] = decision, ["reason"] = reason, ["payload"] = payload });

    public static async Task<JsonElement> GetRecommendationAsync(this HttpClient client, JsonElement rec) =>
        await (await client.GetAsync($"{Path}/{rec.Id()}")).ReadAsync(HttpStatusCode.OK);

    /// <summary>What the database holds for the requisition: status and hold reasons (not all are in the API view).</summary>
    public static async Task<(string Status, JsonElement HoldReasons)> StoredHoldAsync(this TestTenant tenant, Guid requisitionId)
    {
        await using var scope = await tenant.OwnerScopeAsync();
        await using var cmd = scope.Command("SELECT status, hold_reasons::text FROM requisitions WHERE id = $1");
        cmd.Parameters.AddWithValue(requisitionId);
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        return (r.GetString(0), JsonDocument.Parse(r.GetString(1)).RootElement.Clone());
    }

    public static IEnumerable<JsonElement> Entries(this JsonElement log, string kind) => log.Items().Where(e => e.Str("kind") == kind);
}
