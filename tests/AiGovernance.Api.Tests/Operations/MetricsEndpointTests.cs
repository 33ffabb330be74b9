using System.Net;
using AiGovernance.Api.Infrastructure.Metrics;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Api.Tests.Operations;

/// <summary>/metrics in the Prometheus text format: HTTP, Npgsql, worker, business and drift series.</summary>
[Collection(ApiCollection.Name)]
public sealed class MetricsEndpointTests(ApiFixture fixture)
{
    [Fact]
    public async Task Scrape_has_http_database_worker_business_and_drift_series_labelled_by_tenant()
    {
        var tenant = await fixture.CreateTenantAsync();
        var submitted = await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(1200));
        await using (var scope = await tenant.OwnerScopeAsync())
        {
            // One scored requisition gives the duplicate model's live score a value to compare with training.
            await using var cmd = scope.Command("""
                INSERT INTO detection_results (requisition_id, tenant_id, detector, model_version, score, flagged, details, input_hash, scored_at)
                VALUES ($1, $2, 'duplicate', 'test', 0.97, true, '{}', 'sha256:x', now())
                """);
            cmd.Parameters.AddWithValue(submitted.Id());
            cmd.Parameters.AddWithValue(tenant.Id);
            await cmd.ExecuteNonQueryAsync();
            await scope.CommitAsync();
        }
        // A job of a kind no handler claims stays due, so the queue-depth gauge has something to report.
        var probe = "metrics.probe-" + tenant.Slug;
        await using (var insert = fixture.OwnerDb.CreateCommand("INSERT INTO jobs (tenant_id, kind, subject_id, due_at) VALUES ($1, $2, 'x', now() - interval '1 hour')"))
        {
            insert.Parameters.AddWithValue(tenant.Id);
            insert.Parameters.AddWithValue(probe);
            await insert.ExecuteNonQueryAsync();
        }
        WorkerPulse.RecordScoring(42);
        try
        {
            using var client = fixture.Factory.CreateClient();
            await client.GetAsync(new Uri("/health/live", UriKind.Relative));
            await fixture.Factory.Services.GetRequiredService<MetricsCollector>().RefreshAsync(default);

            var text = await (await client.GetAsync(new Uri("/metrics", UriKind.Relative))).Content.ReadAsStringAsync();
            // Kept beside the screenshots: what a scrape looks like (docs/metrics.md lists the series).
            Directory.CreateDirectory(Workspace.WorkspaceBrowser.ScreenshotDirectory);
            await File.WriteAllTextAsync(Path.Combine(Workspace.WorkspaceBrowser.ScreenshotDirectory, "metrics-scrape.txt"), text);

            Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
            Assert.NotEmpty(Series(text, "db_client_connection_count", "db_client_connection_pool_name=\"aigov_app\""));
            Assert.DoesNotContain("Host=", text, StringComparison.Ordinal);   // pools are named, so no connection string is published
            Assert.Contains("aigov_scoring_duration", text, StringComparison.Ordinal);
            Assert.Contains(Series(text, "aigov_worker_jobs_due", $"kind=\"{probe}\""), l => l.EndsWith(" 1", StringComparison.Ordinal) || l.Contains(" 1 ", StringComparison.Ordinal));
            Assert.NotEmpty(Series(text, "aigov_worker_oldest_due_job_seconds", $"kind=\"{probe}\""));
            Assert.NotEmpty(Series(text, "aigov_metrics_refreshed_timestamp"));
            Assert.NotEmpty(Series(text, "aigov_worker_last_successful_pass_timestamp"));   // the shared host's job loop runs
            var tenantLabel = $"tenant=\"{tenant.Slug}\"";
            Assert.Contains(" 1", Assert.Single(Series(text, "aigov_requisitions_submitted", tenantLabel)), StringComparison.Ordinal);
            Assert.NotEmpty(Series(text, "aigov_queue_pending_steps", tenantLabel, "age=\"lt_4h\""));
            Assert.NotEmpty(Series(text, "aigov_outbox_messages", tenantLabel, "state=\"dead\""));
            Assert.NotEmpty(Series(text, "aigov_model_drift_psi", tenantLabel, "kind=\"duplicate\"", "measure=\"score\""));
            Assert.NotEmpty(Series(text, "aigov_model_drift_alert", tenantLabel, "kind=\"price-variance\""));
        }
        finally
        {
            await using var delete = fixture.OwnerDb.CreateCommand("DELETE FROM jobs WHERE kind = $1");
            delete.Parameters.AddWithValue(probe);
            await delete.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task With_a_scrape_token_metrics_need_it()
    {
        await using var factory = ApiFixture.CreateFactory(("Governance:Metrics:ScrapeToken", "scrape-secret"), ("Governance:Worker:Enabled", "false"));
        using var client = factory.CreateClient();

        var anonymous = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);

        client.DefaultRequestHeaders.Authorization = new("Bearer", "scrape-secret");
        var scraped = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("# TYPE", await scraped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Sample lines of one series carrying every given label.</summary>
    private static List<string> Series(string text, string name, params string[] labels) =>
        text.Split('\n').Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(l => labels.All(x => l.Contains(x, StringComparison.Ordinal))).ToList();
}
