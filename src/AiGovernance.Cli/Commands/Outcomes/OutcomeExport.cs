using System.Globalization;
using System.Text.Json.Nodes;
using AiGovernance.Data.Detection;
using AiGovernance.Data.Outcomes;
using AiGovernance.Data.Tenancy;
using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.Outcomes;
using AiGovernance.Ml.PriceVariance;
using Npgsql;

namespace AiGovernance.Cli.Commands.Outcomes;

/// <param name="Tenants">Slugs or ids to export; empty = every tenant that has not opted out.</param>
public sealed record OutcomeExportRequest(string Kind, DateTimeOffset? Since, DateTimeOffset? Until, IReadOnlyList<string> Tenants,
    double EvalFraction = 0.2, int BlindReview = 50, int Seed = 42);

/// <summary>
/// <c>aigov outcomes export</c>: reads each tenant's decided detector recommendations inside that tenant's scope
/// (row-level security stays on for the owner), rebuilds training rows, splits them by decision time and builds
/// the snapshot. Opted-out tenants are never opened.
/// </summary>
public static class OutcomeExport
{
    public static readonly IReadOnlyDictionary<string, (string Producer, string Detector)> Kinds = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["duplicate"] = ("duplicate-detector", Detectors.Duplicate),
        ["price-variance"] = ("price-variance-detector", Detectors.PriceVariance),
    };

    public static async Task<OutcomeSnapshot> BuildAsync(NpgsqlDataSource owner, OutcomeExportRequest request, Action<string> progress, CancellationToken ct)
    {
        var (producer, detector) = Kinds.TryGetValue(request.Kind, out var k) ? k : throw new CliException($"unknown kind '{request.Kind}'");
        var tenants = await OutcomeTenants.ListAsync(owner, ct);
        foreach (var wanted in request.Tenants)
            if (!tenants.Any(t => Matches(t, wanted)))
                throw new CliException($"no tenant '{wanted}' (known: {string.Join(", ", tenants.Select(t => t.Slug))})");

        var included = new List<string>();
        var excluded = new List<ExcludedTenant>();
        var pairs = new List<OutcomeExample<LabelledPair>>();
        var lines = new List<OutcomeExample<LabelledPriceLine>>();
        var skipped = new List<SkippedOutcome>();
        var unflagged = new List<BlindReviewItem>();
        var history = new List<LabelledPriceLine>();
        foreach (var tenant in tenants)
        {
            // Tenants outside an explicit selection are not part of this export at all, so the datasheet does not name them.
            if (request.Tenants.Count > 0 && !request.Tenants.Any(w => Matches(tenant, w))) continue;
            if (tenant.TrainingOptOut) { excluded.Add(new(tenant.Slug, "opted out of training")); continue; }
            included.Add(tenant.Slug);
            await using var scope = await TenantScope.BeginAsync(owner, tenant.Id, ct);
            var decided = await DecidedOutcomes.ListAsync(scope, producer, request.Since, request.Until, ct);
            foreach (var o in decided)
            {
                var label = OutcomeRows.Label(o, tenant.Slug);
                if (request.Kind == "duplicate")
                {
                    if (OutcomeRows.DuplicatePair(o) is { } pair) pairs.Add(new(label, pair));
                    else skipped.Add(new(o.RecommendationId, "the matched requisition is missing from the payload or the database"));
                }
                else
                {
                    var rows = OutcomeRows.PriceLines(o, tenant.Slug);
                    if (rows.Count == 0) skipped.Add(new(o.RecommendationId, "no flagged line with a history or contract basis in the payload"));
                    lines.AddRange(rows.Select(r => new OutcomeExample<LabelledPriceLine>(label, r)));
                }
            }
            if (request.Kind == "price-variance")
            {
                var mine = lines.Where(l => l.Outcome.Tenant == tenant.Slug).ToList();
                var items = mine.Select(l => l.Row.Line.Item).Distinct(StringComparer.Ordinal).ToList();
                var until = mine.Count == 0 ? DateOnly.MinValue : mine.Max(l => l.Row.Line.Date);
                var n = 0;
                foreach (var h in await OutcomePriceHistory.ForItemsAsync(scope, items, until, ct))
                    history.Add(new LabelledPriceLine(new PriceLine($"h-{tenant.Slug}-{++n}", h.Item, h.Description, h.Supplier, h.Quantity, h.Uom, h.UnitPrice,
                        h.Currency, h.PurchasedOn), false, AnomalyKinds.None, "history:" + tenant.Slug));
            }
            unflagged.AddRange((await UnflaggedScores.ListAsync(scope, detector, request.Since, request.Until, ct))
                .Select(u => new BlindReviewItem(tenant.Slug, u.RequisitionId, u.Number, u.Detector, u.ModelVersion, u.Score, u.ScoredAt)));
            await scope.CommitAsync(ct);
            progress($"{tenant.Slug}: {decided.Count:N0} decided {producer} recommendations");
        }

        var blind = BlindReviewSample.Pick(unflagged, request.BlindReview, request.Seed);
        skipped.Sort((a, b) => a.RecommendationId.CompareTo(b.RecommendationId));
        return request.Kind == "duplicate"
            ? Snapshot(request, producer, TimeSplit.ByDecisionTime(pairs, e => e.Outcome, request.EvalFraction), blind, included, excluded, skipped,
                (w, rows) => LabelledPairCsv.Write(w, rows))
            : Snapshot(request, producer, TimeSplit.ByDecisionTime(lines, e => e.Outcome, request.EvalFraction), blind, included, excluded, skipped,
                PriceLineCsv.WriteDataset) with { HistoryCsv = Csv<LabelledPriceLine>(OutcomeRows.WriteHistory, history), HistoryRows = history.Count };
    }

    /// <summary>outcomes/&lt;kind&gt;/&lt;UTC time&gt;/ under the base directory; a second export in the same second gets a suffix.</summary>
    public static string NewSnapshotDirectory(string baseDirectory, string kind, DateTimeOffset now)
    {
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var dir = Path.GetFullPath(Path.Combine(baseDirectory, kind, stamp));
        for (var n = 2; Directory.Exists(dir); n++) dir = Path.GetFullPath(Path.Combine(baseDirectory, kind, $"{stamp}-{n}"));
        return dir;
    }

    public static JsonObject Write(string directory, OutcomeSnapshot snapshot) => SnapshotWriter.Write(directory, snapshot);

    private static OutcomeSnapshot Snapshot<T>(OutcomeExportRequest request, string producer, TimeSplitResult<OutcomeExample<T>> split,
        IReadOnlyList<BlindReviewItem> blind, List<string> included, List<ExcludedTenant> excluded, List<SkippedOutcome> skipped,
        Action<TextWriter, IEnumerable<T>> write) =>
        new(request.Kind, producer, request.Since, request.Until, request.EvalFraction, split.SplitAt,
            [.. split.Train.Select(e => e.Outcome)], [.. split.Eval.Select(e => e.Outcome)],
            Csv(write, split.Train.Select(e => e.Row)), Csv(write, split.Eval.Select(e => e.Row)),
            blind, included, excluded, skipped);

    private static string Csv<T>(Action<TextWriter, IEnumerable<T>> write, IEnumerable<T> rows)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        write(w, rows);
        return w.ToString();
    }

    private static bool Matches(OutcomeTenant t, string wanted) => t.Slug == wanted || t.Id.ToString() == wanted;
}
