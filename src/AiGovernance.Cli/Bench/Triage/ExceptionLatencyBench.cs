using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Data.Tenancy;
using Npgsql;

namespace AiGovernance.Cli.Bench.Triage;

/// <summary>
/// How long after its event an exception is in the inbox: an AI hold is posted through the API and the
/// inbox is watched until the exception is there, with workers woken on schedule (LISTEN/NOTIFY) beside
/// polling-only workers (the baseline) in the same run. Goal: within 2 s.
/// </summary>
public static class ExceptionLatencyBench
{
    public const double GoalMs = 2000;

    public static async Task<int> RunAsync(TextWriter o, int samples, Action<string> progress, CancellationToken ct)
    {
        await using var owner = CliContext.OwnerDataSource();
        var tenant = await BenchTenant.CreateAsync(owner, progress, ct);
        var ids = await BenchTenant.SubmitPendingAsync(owner, tenant, samples * 2, progress, ct);
        var rows = new List<(string Mode, LatencyStats Stats)>();
        var next = 0;
        foreach (var (mode, wake) in new[] { ("woken on schedule", true), ("polling only (every 2 s)", false) })
        {
            await using var host = await BenchHost.StartAsync(ct, new Dictionary<string, string?>
            {
                ["Governance:Worker:WakeOnSchedule"] = wake ? "true" : "false",
                // Only the bench tenant's jobs, and only the projector matters: no scoring, documents or agent runs.
                ["Governance:Worker:TenantId"] = tenant.Id.ToString(),
                ["Governance:Detection:Enabled"] = "false",
                ["Governance:Documents:Enabled"] = "false",
                ["Governance:Agents:FollowUp:Enabled"] = "false",
            }, withWorker: true);
            using var agent = ApprovalBench.CreateClient(host.BaseAddress,
                LocalTokenIssuer.Issue(CliContext.Auth(), tenant.Id, "svc-bench-agent", [Roles.Agent], TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
            var jitter = new Random(7);
            var latencies = new List<double>();
            for (var i = 0; i < samples; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var recommendationId = await PostHoldAsync(agent, ids[next++], ct);
                await WaitForExceptionAsync(owner, tenant.Id, recommendationId, ct);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                // Events do not arrive in step with the poll: spread them over its period.
                await Task.Delay(jitter.Next(0, 2000), ct);
            }
            rows.Add((mode, new LatencyStats(latencies)));
            progress($"{mode}: {samples} exceptions measured");
        }

        o.WriteLine();
        o.WriteLine($"Exception latency: AI hold posted through the API → exception in the inbox ({samples} events each, tenant {tenant.Slug})");
        o.WriteLine($"{"worker",-26} {"p50 ms",8} {"p95 ms",8} {"max ms",8}  goal p95 < {GoalMs:0} ms");
        foreach (var (mode, s) in rows)
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mode,-26} {s.P50,8:0} {s.Percentile(95),8:0} {s.Percentile(100),8:0}  {(s.Percentile(95) < GoalMs ? "met" : "MISSED")}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio p95 woken / polling: {rows[0].Stats.Percentile(95) / rows[1].Stats.Percentile(95):0.00}"));
        await using (var cleanup = owner.CreateCommand("DELETE FROM jobs WHERE tenant_id = $1"))
        {
            cleanup.Parameters.AddWithValue(tenant.Id);
            await cleanup.ExecuteNonQueryAsync(ct);
        }
        return rows[0].Stats.Percentile(95) < GoalMs ? 0 : 2;
    }

    private static async Task<string> PostHoldAsync(HttpClient agent, Guid requisitionId, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["kind"] = "requisition.hold",
            ["subject"] = new JsonObject { ["type"] = "requisition", ["id"] = requisitionId.ToString() },
            ["payload"] = new JsonObject { ["reason"] = "benchmark: probable duplicate" },
            ["confidence"] = 0.9,
            ["producer"] = new JsonObject { ["name"] = "duplicate-detector", ["model_version"] = "bench" },
            ["input_hash"] = "sha256:bench-" + requisitionId,
        };
        using var response = await agent.PostAsJsonAsync(new Uri("/api/recommendations", UriKind.Relative), body, ct);
        if (!response.IsSuccessStatusCode)
            throw new CliException($"posting a recommendation answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return doc.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task WaitForExceptionAsync(NpgsqlDataSource owner, Guid tenantId, string recommendationId, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            await using (var scope = await TenantScope.BeginAsync(owner, tenantId, ct))
            {
                await using var cmd = scope.Command("SELECT EXISTS (SELECT 1 FROM exceptions WHERE dedup_key = $1)");
                cmd.Parameters.AddWithValue("rec:" + recommendationId);
                if ((bool)(await cmd.ExecuteScalarAsync(ct))!) return;
            }
            await Task.Delay(10, ct);
        }
        throw new CliException($"no exception for recommendation {recommendationId} after 30 s: is the worker running?");
    }
}
