using System.Security.Cryptography;
using System.Text;
using AiGovernance.Core.Policies;
using AiGovernance.Data;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Detection;
using AiGovernance.Data.Jobs;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Recommendations;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;
using AiGovernance.Ml.Embeddings;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiGovernance.Worker.Detection;

/// <summary>
/// Scores a submitted requisition (job <c>detection.score</c>): embedding, duplicate and split-purchase
/// checks, price variance, category suggestion. Results, routing signals and recommendations commit in one transaction, so
/// a failure leaves nothing half-written and the retried job starts clean; re-running on unchanged
/// input replaces the results and finds its recommendations already posted (same input hash).
/// </summary>
public sealed class ScoringHandler(NpgsqlDataSource db, DetectionModels models, ITextEmbedder embedder, IOptions<DetectionOptions> options,
    TimeProvider clock) : IJobHandler
{
    public const string Actor = "system:detection";

    public string Kind => DetectionJobs.Score;

    public async Task<JobResult> HandleAsync(ClaimedJob job, CancellationToken ct)
    {
        if (!Guid.TryParse(job.SubjectId, out var id)) return new JobResult.Done();
        var o = options.Value;
        var now = clock.GetUtcNow();
        await using var scope = await TenantScope.BeginAsync(db, job.TenantId, ct);
        var stored = await RequisitionStore.GetAsync(scope, id, ct);
        if (stored is null) return new JobResult.Done();
        var r = stored.Requisition;
        var off = await SwitchedOffAsync(scope, ct);
        var policy = await PolicyStore.GetActiveAsync(scope, PolicyCache.Shared, ct);
        var supplierName = (await Data.Checks.SupplierStore.GetAsync(scope, r.SupplierId, forUpdate: false, ct))?.Name ?? r.SupplierId;
        var dup = models.Duplicate;
        var price = models.PriceVariance;
        var category = models.Category;
        // Why a detector did not run goes into the log entry: switched off (by whom) or its model missing.
        var skipped = new List<object>();
        bool Runs(string kind, object? model, string missing)
        {
            if (off.TryGetValue(kind, out var why)) skipped.Add(new { kind, why });
            else if (model is null) skipped.Add(new { kind, why = missing });
            return !off.ContainsKey(kind) && model is not null;
        }
        var runDuplicate = Runs(Detectors.Duplicate, dup, StatusOf(Detectors.Duplicate));
        var runSplit = Runs(Detectors.SplitPurchase, policy, "no active policy");
        var runPrice = Runs(Detectors.PriceVariance, policy is null ? null : price, policy is null ? "no active policy" : StatusOf(Detectors.PriceVariance));
        var runCategory = Runs(CategoryScoring.Detector, policy is null ? null : category, policy is null ? "no active policy" : StatusOf(CategoryScoring.Detector));

        var timer = System.Diagnostics.Stopwatch.StartNew();
        float[]? embedding = null;
        if (runDuplicate)
        {
            embedding = (await embedder.EmbedAsync([DuplicateScoring.DescriptionOf(r.Lines)], ct))[0];
            await RequisitionEmbeddings.UpsertAsync(scope, r.Id, embedder.ModelId, embedding, now, ct);
        }
        var record = DuplicateScoring.ToRecord(r, supplierName, stored.CreatedAt, embedding);
        var hash = InputHash(r, dup?.Version, price?.Version);
        var runs = new List<DetectorRun>();
        if (runDuplicate)
            runs.Add(await DuplicateScoring.DuplicateAsync(scope, r, record, embedder, dup!, hash, o.RecommendationLifetimeHours, now, ct));
        if (runSplit)
            runs.Add(await DuplicateScoring.SplitPurchaseAsync(scope, r, record, ApprovalThresholds.Of(policy!.Policy),
                TimeSpan.FromDays(o.SplitPurchaseWindowDays), hash, o.RecommendationLifetimeHours, now, ct));
        if (runPrice)
            runs.Add(await PriceScoring.ScoreAsync(scope, r, price!, policy!.Policy, o.PriceLookBackDays, hash, o.RecommendationLifetimeHours, now, ct));
        // After the others: the chain under the suggested category is routed with the signals just computed, as the real chain will be.
        if (runCategory)
            runs.Add(await CategoryScoring.ScoreAsync(scope, r, supplierName, category!, embedder, policy!.Policy,
                DetectionResults.SignalsOf(runs.Select(x => x.Result).ToList()), o.RecommendationLifetimeHours, now, ct));

        // Scoring time (embedding + detectors, not the writes after): the dashboard's p50/p95 and the /metrics histogram.
        var scoringMs = Math.Round(timer.Elapsed.TotalMilliseconds, 1);
        foreach (var run in runs) await DetectionResults.SaveAsync(scope, run.Result, ct);
        await DetectionResults.KeepOnlyAsync(scope, r.Id, runs.Select(x => x.Result.Detector).ToList(), ct);
        // Only what ran now routes: a detector switched off since the last scoring no longer counts.
        var signals = DetectionResults.SignalsOf(runs.Select(x => x.Result).ToList());
        var routing = await ApplyDetectionSignals.ExecuteAsync(scope, r.Id, signals, PolicyCache.Shared, Actor, clock, ct);
        var posted = new List<Guid>();
        foreach (var run in runs.Where(x => x.Recommendation is not null))
            posted.Add((await PostRecommendation.ExecuteAsync(scope, run.Recommendation!.Producer!.Name!, run.Recommendation, clock, ct)).Recommendation.Id);

        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.DetectionScored, Actor, "requisition", r.Number, new
        {
            requisition_id = r.Id,
            input_hash = hash,
            embedding_model = embedding is null ? null : embedder.ModelId,
            results = runs.Select(x => new { x.Result.Detector, model_version = x.Result.ModelVersion, x.Result.Score, x.Result.Flagged }),
            skipped,
            model_status = models.Statuses.Select(s => new { s.Kind, s.Version, s.Loaded }),
            signals = new { duplicate_probability = signals.DuplicateProbability, price_variance_pct = signals.PriceVariancePct },
            routing = new { routing.Rerouted, routing.Why, added_rules = routing.AddedRules },
            recommendations = posted,
            scoring_ms = scoringMs,
        }), clock, ct);
        await scope.CommitAsync(ct);
        if (runs.Count > 0) WorkerPulse.RecordScoring(scoringMs);
        return new JobResult.Done();
    }

    /// <summary>Kinds switched off, with why: configuration (every tenant) first, then this tenant's switch.</summary>
    private async Task<Dictionary<string, string>> SwitchedOffAsync(TenantScope scope, CancellationToken ct)
    {
        var switches = await ModelSwitches.ListAsync(scope, ct);
        var off = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kind in DetectorKinds.All)
        {
            if (models.DisabledByConfiguration.Contains(kind, StringComparer.OrdinalIgnoreCase)) off[kind] = "switched off by configuration (Governance:Detection:Disabled)";
            else if (switches.TryGetValue(kind, out var s) && !s.Enabled) off[kind] = $"switched off for this tenant by {s.ChangedBy}: {s.Reason}";
        }
        return off;
    }

    private string StatusOf(string kind) => models.Statuses.FirstOrDefault(s => s.Kind == kind)?.Message ?? $"no {kind} model";

    /// <summary>What the detectors saw: the requisition's content and the model versions. Same input, same hash.</summary>
    private static string InputHash(Core.Requisitions.Requisition r, string? duplicateVersion, string? priceVersion)
    {
        var canonical = Json.Serialize(new { r.Id, r.SupplierId, r.SupplierReference, r.Currency, r.Category, r.Lines, duplicateVersion, priceVersion });
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
