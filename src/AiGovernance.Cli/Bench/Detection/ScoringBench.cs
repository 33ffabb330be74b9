using System.Diagnostics;
using AiGovernance.Cli.Commands.Detection;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Detection;
using AiGovernance.Data.Jobs;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Seed;
using AiGovernance.Data.Tenancy;
using AiGovernance.Ml.Embeddings;
using AiGovernance.Ml.PriceVariance;
using AiGovernance.Ml.Registry;
using AiGovernance.Worker.Detection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiGovernance.Cli.Bench.Detection;

/// <summary>
/// The service-side figures on the real database: bulk history import (beside a raw COPY into an
/// unindexed table) and scoring one requisition end to end — embedding, nearest neighbours, duplicate
/// classifier, split-purchase rule, price model over 500k history lines, results and log committed —
/// beside a primary-key read in the same run.
/// </summary>
public static class ScoringBench
{
    public const double GoalP99Ms = 50;
    public const double GoalImportLinesPerSecond = 20_000;

    public static async Task<int> RunAsync(DetectionBenchContext context, CancellationToken ct)
    {
        var output = context.Output;
        void Log(string m) => Console.Error.WriteLine($"[bench] {m}");
        var (seedCount, measureCount, lineLimit) = context.Quick ? (60, 30, 50_000) : (1500, 300, int.MaxValue);

        Log("reading uci-online-retail lines");
        var lines = PriceDataSources.ReadUci(context.DataRoot).Take(lineLimit).ToList();
        // The history ends "yesterday", so the 365-day look-back of live scoring sees it.
        var shift = DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - 1 - lines.Max(l => l.Date).DayNumber;
        var history = lines.Select(l => PriceHistoryLines.From(l, shift)).ToList();

        await using var owner = CliContext.OwnerDataSource();
        var tenant = await BenchTenant.CreateAsync(owner, Log, ct, SeedResources.DefaultPolicyYaml);
        var (rawRate, importRate) = await ImportAsync(owner, tenant.Id, history, Log, ct);

        var options = Options.Create(new DetectionOptions { ModelsDirectory = context.ModelsRoot });
        var models = new DetectionModels(options, TimeProvider.System, NullLogger<DetectionModels>.Instance);
        foreach (var s in models.Statuses) Log($"model {s.Kind}: {s.Version ?? "none"} — {s.Message}");
        if (models.Duplicate is null || models.PriceVariance is null)
            throw new CliException($"the service bench needs both active models in {context.ModelsRoot}");
        var embedder = Embedders.Create(new EmbeddingOptions(), () => new HttpClient());
        var handler = new ScoringHandler(owner, models, embedder, options, TimeProvider.System);

        var invoices = Invoices(lines, seedCount + measureCount);
        Log($"seeding {seedCount} scored requisitions (their embeddings are the neighbours later ones are compared with)");
        var progress = new ConsoleProgress();
        for (var i = 0; i < seedCount; i++)
        {
            await SubmitAndScoreAsync(owner, handler, tenant.Id, invoices[i], ct);
            progress.Report(new TrainingProgress("seed requisitions", i + 1, seedCount));
        }
        var scoring = new List<double>();
        var path = new List<double>();
        var embedding = new List<double>();
        var pkRead = new List<double>();
        for (var i = 0; i < measureCount; i++)
        {
            var invoice = invoices[seedCount + i];
            var sw = Stopwatch.StartNew();
            await embedder.EmbedAsync([string.Join("; ", invoice.Select(l => l.Description))], ct);
            embedding.Add(sw.Elapsed.TotalMilliseconds);
            scoring.Add(await SubmitAndScoreAsync(owner, handler, tenant.Id, invoice, ct, pkRead,
                id => ScoringPathAsync(owner, tenant.Id, id, embedder, models, ct, path)));
            progress.Report(new TrainingProgress("measured scorings", i + 1, measureCount));
        }

        var s1 = new LatencyStats(scoring);
        var d1 = new LatencyStats(path);
        var e1 = new LatencyStats(embedding);
        var p1 = new LatencyStats(pkRead);
        output.WriteLine();
        output.WriteLine($"Service-side detection on PostgreSQL (tenant {tenant.Slug}, {history.Count:N0} history lines, {seedCount} earlier requisitions)");
        ConsoleProgress.PrintTable([
            ["measure", "p50 ms", "p99 ms", "goal", "p99 / goal", "baseline", "baseline p99 ms", "p99 / baseline"],
            ["scoring: embedding + neighbours + classifier + split rule + price model", F(d1.P50), F(d1.P99), $"≤ {GoalP99Ms} ms", F(d1.P99 / GoalP99Ms, "0.00"),
                "primary-key read", F(p1.P99), F(d1.P99 / p1.P99, "0.0")],
            ["scoring job end to end (+ embedding stored, results, re-routing, recommendations, log, commit)", F(s1.P50), F(s1.P99), "", F(s1.P99 / GoalP99Ms, "0.00"),
                "primary-key read", F(p1.P99), F(s1.P99 / p1.P99, "0.0")],
            ["  of which: embedding alone", F(e1.P50), F(e1.P99), "", "", "", "", ""],
        ], output);
        output.WriteLine();
        ConsoleProgress.PrintTable([
            ["measure", "lines/s", "goal", "ratio to goal", "baseline: raw COPY, no index", "import / raw"],
            ["history import (binary COPY + index)", F(importRate, "N0"), $"≥ {GoalImportLinesPerSecond:N0}", F(importRate / GoalImportLinesPerSecond, "0.00"),
                F(rawRate, "N0"), F(importRate / rawRate, "0.00")],
        ], output);
        return 0;
    }

    private static async Task<(double Raw, double Import)> ImportAsync(NpgsqlDataSource owner, Guid tenantId, List<PriceHistoryLine> history,
        Action<string> log, CancellationToken ct)
    {
        await using (var scope = await TenantScope.BeginAsync(owner, tenantId, ct))
        {
            await using (var create = scope.Command("CREATE TEMP TABLE bench_raw_copy (LIKE price_history INCLUDING DEFAULTS) ON COMMIT DROP"))
                await create.ExecuteNonQueryAsync(ct);
            var raw = Stopwatch.StartNew();
            await PriceHistory.CopyAsync(scope, "bench_raw_copy", history, "bench", ct);
            var rawRate = history.Count / raw.Elapsed.TotalSeconds;
            log($"baseline raw COPY: {history.Count:N0} lines in {raw.Elapsed.TotalSeconds:0.00} s");
            await scope.CommitAsync(ct);

            await using var import = await TenantScope.BeginAsync(owner, tenantId, ct);
            var sw = Stopwatch.StartNew();
            await PriceHistory.ImportAsync(import, history, "bench", ct);
            await import.CommitAsync(ct);
            var rate = history.Count / sw.Elapsed.TotalSeconds;
            log($"history import: {history.Count:N0} lines in {sw.Elapsed.TotalSeconds:0.00} s");
            return (rawRate, rate);
        }
    }

    /// <summary>
    /// The detectors' read path alone, as the job runs it but without its writes (rolled back): embedding,
    /// candidate retrieval and classifier, split-purchase rule, price history and model.
    /// </summary>
    private static async Task ScoringPathAsync(NpgsqlDataSource owner, Guid tenantId, Guid id, ITextEmbedder embedder, DetectionModels models,
        CancellationToken ct, List<double> samples)
    {
        await using var scope = await TenantScope.BeginAsync(owner, tenantId, ct);
        var stored = (await RequisitionStore.GetAsync(scope, id, ct))!;
        var policy = (await PolicyStore.GetActiveAsync(scope, PolicyCache.Shared, ct))!;
        var now = DateTimeOffset.UtcNow;
        var sw = Stopwatch.StartNew();
        var r = stored.Requisition;
        var vector = (await embedder.EmbedAsync([DuplicateScoring.DescriptionOf(r.Lines)], ct))[0];
        var record = DuplicateScoring.ToRecord(r, r.SupplierId, stored.CreatedAt, vector);
        await DuplicateScoring.DuplicateAsync(scope, r, record, embedder, models.Duplicate!, "bench", 1, now, ct);
        await DuplicateScoring.SplitPurchaseAsync(scope, r, record, AiGovernance.Core.Policies.ApprovalThresholds.Of(policy.Policy), TimeSpan.FromDays(14),
            "bench", 1, now, ct);
        await PriceScoring.ScoreAsync(scope, r, models.PriceVariance!, policy.Policy, 365, "bench", 1, now, ct);
        samples.Add(sw.Elapsed.TotalMilliseconds);
    }

    /// <summary>Submits (untimed) then runs the scoring job's handler directly (timed); returns milliseconds.</summary>
    private static async Task<double> SubmitAndScoreAsync(NpgsqlDataSource owner, ScoringHandler handler, Guid tenantId, IReadOnlyList<PriceLine> invoice,
        CancellationToken ct, List<double>? pkRead = null, Func<Guid, Task>? before = null)
    {
        Guid id;
        await using (var scope = await TenantScope.BeginAsync(owner, tenantId, ct))
        {
            var stored = await SubmitRequisition.ExecuteAsync(scope, BenchTenant.Requester, Draft(invoice), PolicyCache.Shared, TimeProvider.System, ct);
            await JobQueue.CancelAsync(scope, DetectionJobs.Score, stored.Requisition.Id.ToString(), ct); // scored here, not by a worker
            await scope.CommitAsync(ct);
            id = stored.Requisition.Id;
        }
        if (pkRead is not null)
        {
            var read = Stopwatch.StartNew();
            await using var scope = await TenantScope.BeginAsync(owner, tenantId, ct);
            _ = await RequisitionStore.GetAsync(scope, id, ct);
            pkRead.Add(read.Elapsed.TotalMilliseconds);
        }
        if (before is not null) await before(id);
        var sw = Stopwatch.StartNew();
        await handler.HandleAsync(new ClaimedJob(0, tenantId, DetectionJobs.Score, id.ToString(), 1, DateTimeOffset.UtcNow), ct);
        return sw.Elapsed.TotalMilliseconds;
    }

    private static readonly string[] Suppliers = ["sup-orgenics-ltd", "sup-aurobindo-pharma-limited", "sup-cipla-limited", "sup-hetero-labs-limited"];

    private static RequisitionDraft Draft(IReadOnlyList<PriceLine> invoice) => new(
        "LE-EU", "CC-EU-PHARMA", Suppliers[(int)(PriceDataSources.Unit(invoice[0].Item) * Suppliers.Length)], "Pharmaceuticals", "GBP",
        Urgency.Normal, null,
        invoice.Select(l => new RequisitionLine(l.Item, string.IsNullOrWhiteSpace(l.Description) ? l.Item : l.Description, l.Quantity, "EA", l.UnitPrice)).ToList(),
        [], null);

    /// <summary>The last invoices of the data (up to five lines each) become the requisitions.</summary>
    private static List<List<PriceLine>> Invoices(List<PriceLine> lines, int count) =>
        lines.GroupBy(l => l.Id[..l.Id.LastIndexOf('-')]).Reverse().Take(count).Select(g => g.Take(5).ToList()).ToList();

    private static string F(double v, string format = "0.0") => double.IsNaN(v) ? "n/a" : v.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
