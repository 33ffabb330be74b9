using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Ml.Registry;
using AiGovernance.Worker.Retraining;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Api.Tests.Models;

public class RetrainingScheduleTests
{
    [Theory]
    [InlineData("0 3 * * 0", "2026-11-29T02:59:00Z", "2026-11-29T03:00:00Z")] // a Sunday, before 03:00
    [InlineData("0 3 * * 0", "2026-11-29T03:00:00Z", "2026-12-06T03:00:00Z")] // exactly at the slot: the next week's
    [InlineData("30 1 1 * *", "2026-12-15T00:00:00Z", "2027-01-01T01:30:00Z")]
    [InlineData("*/15 * * * *", "2026-11-29T10:07:00Z", "2026-11-29T10:15:00Z")]
    public void The_next_run_is_the_first_cron_occurrence_after_now_in_utc(string cron, string now, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            RetrainingSchedule.Next(cron, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("")]
    [InlineData("every sunday")]
    [InlineData("0 3 * *")]
    [InlineData("61 3 * * 0")]
    public void A_malformed_schedule_is_refused_with_a_reason(string cron)
    {
        Assert.False(RetrainingSchedule.TryParse(cron, out var error));
        Assert.False(string.IsNullOrEmpty(error));
        var options = new RetrainingOptions { Schedule = cron };
        Assert.NotEmpty(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
    }
}

[Collection(ApiCollection.Name)]
public sealed class RetrainingTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_scheduled_run_trains_a_challenger_and_files_a_request_but_never_promotes()
    {
        var dataset = Path.GetTempFileName();
        await using var host = await PromotionTestHost.StartAsync(fixture,
            s => s.RemoveAll<IDetectorTrainer>().AddSingleton<IDetectorTrainer>(new CopyingTrainer("duplicate")),
            ("Governance:Retraining:Kinds:0", "duplicate"), ("Governance:Retraining:Datasets:duplicate", dataset));
        var champion = host.Registry.ActiveVersion("duplicate");
        var before = host.Registry.Versions("duplicate").Count;

        var outcome = Assert.Single(await host.Factory.Services.GetRequiredService<RetrainingRun>().RunAsync(CancellationToken.None));

        Assert.Equal("requested", outcome.Result);
        Assert.Equal(before + 1, host.Registry.Versions("duplicate").Count);
        Assert.True(File.Exists(Path.Combine(host.Registry.DirectoryOf("duplicate", outcome.Version!), "model.zip")));
        Assert.Equal(champion, host.Registry.ActiveVersion("duplicate"));
        var listed = (await (await host.Tenant.As("u-ivan").GetAsync("/api/models/promotions?status=requested")).ReadAsync(HttpStatusCode.OK)).Items();
        var request = Assert.Single(listed, p => p.PromotionId() == outcome.PromotionId);
        Assert.Equal(("system:retraining", outcome.Version), (request.Str("requested_by"), request.Str("version")));
        Assert.Equal("system:retraining", Assert.Single(await host.LogAsync("model_promotion_requested")).Str("actor"));
        Assert.Empty(await host.LogAsync("model_activated"));
        File.Delete(dataset);
    }

    [Fact]
    public async Task The_scheduler_runs_at_the_cron_occurrence_of_its_clock_and_only_requests()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2226, 11, 26, 2, 58, 0, TimeSpan.Zero)); // a Sunday, two minutes before 03:00
        await using var host = await PromotionTestHost.StartAsync(fixture,
            s => s.RemoveAll<IDetectorTrainer>().AddSingleton<IDetectorTrainer>(new CopyingTrainer("price-variance")).AddSingleton<TimeProvider>(clock),
            ("Governance:Retraining:Enabled", "true"), ("Governance:Retraining:Schedule", "0 3 * * 0"), ("Governance:Retraining:Kinds:0", "price-variance"));
        var champion = host.Registry.ActiveVersion("price-variance");
        _ = host.Factory.Services; // starts the host, and with it the scheduler
        await Task.Delay(300);
        Assert.DoesNotContain(host.Registry.Versions("price-variance"), v => v.StartsWith("2226", StringComparison.Ordinal));

        clock.Advance(TimeSpan.FromMinutes(2));
        string? challenger = null;
        for (var i = 0; i < 100 && challenger is null; i++)
        {
            await Task.Delay(100);
            challenger = host.Registry.Versions("price-variance").FirstOrDefault(v => v.StartsWith("2226-11-26", StringComparison.Ordinal));
        }
        Assert.NotNull(challenger);

        (string By, string Status)? row = null;
        for (var i = 0; i < 100 && row is null; i++)
        {
            await using var cmd = fixture.OwnerDb.CreateCommand("SELECT requested_by, status FROM model_promotions WHERE kind = 'price-variance' AND version = $1");
            cmd.Parameters.AddWithValue(challenger);
            await using var r = await cmd.ExecuteReaderAsync();
            if (await r.ReadAsync()) row = (r.GetString(0), r.GetString(1));
            else await Task.Delay(100);
        }
        Assert.Equal(("system:retraining", "requested"), row);
        Assert.Equal(champion, host.Registry.ActiveVersion("price-variance"));
    }

    /// <summary>Stands in for the minutes-long sweep: the champion's model under the new version, with a slightly better comparison.</summary>
    private sealed class CopyingTrainer(string kind) : IDetectorTrainer
    {
        public string Kind => kind;

        public Task<TrainingReport> TrainAsync(TrainingRequest request, IProgress<TrainingProgress> progress, CancellationToken ct)
        {
            var registry = new ModelRegistry(Path.GetDirectoryName(Path.GetDirectoryName(request.OutputDirectory))!);
            var champion = registry.ActiveVersion(kind)!;
            Directory.CreateDirectory(request.OutputDirectory);
            File.Copy(Path.Combine(registry.DirectoryOf(kind, champion), "model.zip"), Path.Combine(request.OutputDirectory, "model.zip"));
            File.WriteAllText(Path.Combine(request.OutputDirectory, "metrics.json"), new JsonObject
            {
                ["version"] = request.Version, ["data"] = new JsonObject { ["path"] = request.DatasetPath },
                ["comparison"] = new JsonObject { ["primary_metric"] = "f1", ["challenger"] = 0.95, ["champion"] = 0.94, ["champion_version"] = champion },
            }.ToJsonString());
            return Task.FromResult(new TrainingReport("copied", [], []));
        }

        public Task<TrainingReport> EvaluateAsync(EvaluationRequest request, IProgress<TrainingProgress> progress, CancellationToken ct) =>
            throw new NotSupportedException();
    }
}
