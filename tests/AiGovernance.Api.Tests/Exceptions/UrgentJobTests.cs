using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Data.Jobs;
using AiGovernance.Data.Tenancy;
using AiGovernance.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiGovernance.Api.Tests.Exceptions;

/// <summary>
/// An exception projection scheduled while a batch of slow jobs runs must not wait for the whole batch:
/// the runner looks for urgent jobs between the others.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class UrgentJobTests(ApiFixture fixture)
{
    [Fact]
    public async Task An_urgent_job_scheduled_during_a_batch_runs_before_the_rest_of_the_batch()
    {
        var tenant = await fixture.CreateTenantAsync();
        var db = fixture.Factory.Services.GetRequiredService<NpgsqlDataSource>();
        var ran = new List<string>();
        var run = Guid.NewGuid().ToString("N");
        var slow = new RecordingHandler($"test.slow.{run}", ran, urgent: false);
        var urgent = new RecordingHandler($"test.urgent.{run}", ran, urgent: true);
        // The first slow job schedules the urgent one, as a decision-log entry written by a scoring job schedules the projector.
        slow.OnFirst = async () =>
        {
            await using var scope = await TenantScope.BeginAsync(db, tenant.Id);
            await JobQueue.ScheduleAsync(scope, urgent.Kind, "u1", DateTimeOffset.UtcNow, CancellationToken.None);
            await scope.CommitAsync();
        };
        await using (var scope = await TenantScope.BeginAsync(db, tenant.Id))
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 1; i <= 3; i++) await JobQueue.ScheduleAsync(scope, slow.Kind, $"s{i}", now.AddMilliseconds(-10 + i), CancellationToken.None);
            await scope.CommitAsync();
        }
        var runner = new JobRunner(db, [slow, urgent], TimeProvider.System, Options.Create(new WorkerOptions()), NullLogger<JobRunner>.Instance);

        var handled = await runner.RunDueAsync(CancellationToken.None, tenant.Id);

        Assert.Equal(4, handled);
        Assert.Equal([$"{slow.Kind}:s1", $"{urgent.Kind}:u1", $"{slow.Kind}:s2", $"{slow.Kind}:s3"], ran);
    }

    private sealed class RecordingHandler(string kind, List<string> ran, bool urgent) : IJobHandler
    {
        public Func<Task>? OnFirst { get; set; }
        public string Kind => kind;
        public bool Urgent => urgent;

        public async Task<JobResult> HandleAsync(ClaimedJob job, CancellationToken ct)
        {
            ran.Add($"{job.Kind}:{job.SubjectId}");
            if (OnFirst is { } first)
            {
                OnFirst = null;
                await first();
            }
            return new JobResult.Done();
        }
    }
}
