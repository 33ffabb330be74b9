using AiGovernance.Core;
using AiGovernance.Data.Models;
using AiGovernance.Data.Tenancy;
using AiGovernance.Ml.Registry;
using AiGovernance.Worker.Detection;
using AiGovernance.Worker.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiGovernance.Worker.Retraining;

/// <summary>What one run did for one kind: the challenger trained, and the promotion request filed (or why none was).</summary>
public sealed record RetrainingOutcome(string Kind, string? Version, long? PromotionId, string Result);

/// <summary>
/// One scheduled retraining: a challenger per configured kind, trained with the same trainer as
/// `aigov models train`, then a promotion REQUEST by "system:retraining". It never approves or
/// activates anything — a person must (and the scheduler can never be that person, see
/// <see cref="Core.Models.PromotionRules.RequirePerson"/>). A worse challenger is refused and logged like anyone's.
/// </summary>
public sealed partial class RetrainingRun(NpgsqlDataSource db, DetectionModels models, IEnumerable<IDetectorTrainer> trainers,
    IOptions<RetrainingOptions> options, IOptions<PromotionOptions> promotion, TimeProvider clock, ILogger<RetrainingRun> logger)
{
    public async Task<IReadOnlyList<RetrainingOutcome>> RunAsync(CancellationToken ct)
    {
        var operatorTenant = await OperatorTenant.ResolveAsync(db, promotion.Value.OperatorTenant, ct);
        var outcomes = new List<RetrainingOutcome>();
        foreach (var kind in options.Value.EffectiveKinds)
        {
            try
            {
                outcomes.Add(await RetrainAsync(operatorTenant, kind, ct));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One kind's failure (a missing dataset, a trainer error) must not stop the others.
                LogKindFailed(logger, ex, kind);
                outcomes.Add(new RetrainingOutcome(kind, null, null, $"failed: {ex.Message}"));
            }
        }
        return outcomes;
    }

    private async Task<RetrainingOutcome> RetrainAsync(Guid operatorTenant, string kind, CancellationToken ct)
    {
        var registry = models.Registry;
        var trainer = trainers.FirstOrDefault(t => t.Kind == kind) ?? throw new InvalidOperationException($"no trainer for kind '{kind}'");
        var dataset = options.Value.Datasets.GetValueOrDefault(kind)
            ?? Path.Combine(Path.GetDirectoryName(registry.Root)!, "datasets", kind, "train.csv");
        if (!File.Exists(dataset)) throw new FileNotFoundException($"retraining dataset {dataset} does not exist", dataset);
        var version = registry.NextVersion(kind, clock.GetUtcNow());
        LogTraining(logger, kind, version, dataset);
        await trainer.TrainAsync(new TrainingRequest(dataset, registry.DirectoryOf(kind, version), version), new Progress<TrainingProgress>(), ct);

        await using var scope = await TenantScope.BeginAsync(db, operatorTenant, ct);
        try
        {
            var p = await RequestPromotion.ExecuteAsync(scope, registry, PromotionActor.Retraining, kind, version,
                $"scheduled retraining ({options.Value.Schedule}) on {Path.GetFileName(dataset)}", overrideReason: null, clock, ct);
            await scope.CommitAsync(ct);
            LogRequested(logger, kind, version, p.Id);
            return new RetrainingOutcome(kind, version, p.Id, "requested");
        }
        catch (DomainException ex)
        {
            // e.g. challenger_worse_than_champion: already logged by the workflow; the challenger stays on disk for people to inspect.
            LogNotRequested(logger, kind, version, ex.Code, ex.Message);
            return new RetrainingOutcome(kind, version, null, $"not requested ({ex.Code}): {ex.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled retraining: training {Kind} challenger {Version} on {Dataset}")]
    private static partial void LogTraining(ILogger logger, string kind, string version, string dataset);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled retraining: {Kind} {Version} filed as promotion request {PromotionId}; a person must approve it")]
    private static partial void LogRequested(ILogger logger, string kind, string version, long promotionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled retraining: {Kind} {Version} was not filed ({Code}): {Message}")]
    private static partial void LogNotRequested(ILogger logger, string kind, string version, string code, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled retraining of {Kind} failed")]
    private static partial void LogKindFailed(ILogger logger, Exception ex, string kind);
}
