using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Detection;
using AiGovernance.Data.Jobs;
using AiGovernance.Data.Tenancy;
using AiGovernance.Ml.Triage;
using AiGovernance.Worker.Detection;
using Npgsql;

namespace AiGovernance.Worker.Exceptions;

/// <summary>
/// Job <c>exceptions.score</c>: the active exception-probability model scores a tenant's open exceptions that have no
/// learned probability yet and writes it (with the model version) beside them; the inbox then shows it instead of the
/// blend. One decision-log entry per batch names the version and every exception's probability, in the same
/// transaction, so the AI's part in the ranking is auditable. Scheduled by the projector after it raises exceptions, so
/// projection never waits for scoring. Without an active model, or with the model's kill switch off (configuration
/// or this tenant), nothing is written and the blend stays.
/// </summary>
public sealed class ExceptionScoringHandler(NpgsqlDataSource db, DetectionModels models, TimeProvider clock) : IJobHandler
{
    public const string JobKind = "exceptions.score";
    public const string LogKind = "exceptions_scored";
    public const string Actor = "system:exception-probability";
    private const int Batch = 200;

    public string Kind => JobKind;

    /// <summary>Called in the projector's transaction: the job becomes claimable when the new exceptions are committed.</summary>
    public static Task ScheduleAsync(TenantScope scope, DateTimeOffset now, CancellationToken ct) =>
        JobQueue.ScheduleAsync(scope, JobKind, "open", now, ct);

    public async Task<JobResult> HandleAsync(ClaimedJob job, CancellationToken ct)
    {
        for (var pass = 0; pass < 20; pass++)
        {
            await using var scope = await TenantScope.BeginAsync(db, job.TenantId, ct);
            var scored = await ScoreBatchAsync(scope, ct);
            await scope.CommitAsync(ct);
            if (scored < Batch) return new JobResult.Done();
        }
        return new JobResult.RetryAt(clock.GetUtcNow());
    }

    /// <summary>Scores up to one batch in the caller's transaction; returns how many were read (0 when off or nothing to score).</summary>
    public async Task<int> ScoreBatchAsync(TenantScope scope, CancellationToken ct)
    {
        var model = models.ExceptionProbability;
        if (model is null || models.DisabledByConfiguration.Contains(ExceptionProbabilityModel.Kind, StringComparer.OrdinalIgnoreCase)) return 0;
        var switches = await ModelSwitches.ListAsync(scope, ct);
        if (switches.TryGetValue(ExceptionProbabilityModel.Kind, out var sw) && !sw.Enabled) return 0;

        var unscored = await ExceptionFactsAtRaise.ReadAsync(scope, Batch, model.TrainedTypes, ct);
        if (unscored.Count == 0) return 0;
        var probabilities = model.Probabilities(unscored.Select(u => u.Facts).ToList());
        var scores = unscored.Select((u, i) => (u.Id, probabilities[i])).ToList();
        await ExceptionFactsAtRaise.WriteAsync(scope, scores, model.Version, ct);
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(LogKind, Actor, "model", ExceptionProbabilityModel.Kind, new
        {
            model = ExceptionProbabilityModel.Kind,
            model_version = model.Version,
            scores = scores.Select(s => new { exception_id = s.Id, probability = s.Item2 }),
        }), clock, ct);
        return unscored.Count;
    }
}
