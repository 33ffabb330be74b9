using System.Globalization;
using System.Text;

namespace AiGovernance.Ml.Outcomes;

/// <summary>
/// DATASHEET.md of a snapshot: what is in it, from whom, over which period, how balanced, and why reviewers
/// said no. Written from the snapshot alone (no clock), so the same inputs give the same bytes.
/// </summary>
public static class Datasheet
{
    public const string FileName = "DATASHEET.md";
    private const int MaxReasons = 25;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(OutcomeSnapshot s)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Inv, $"# Datasheet — {s.Kind} reviewer outcomes");
        sb.AppendLine();
        sb.AppendLine(Inv, $"Labelled examples rebuilt from decided `{s.Producer}` recommendations: accepted or edited = 1 (the flag was right), rejected = 0 (a false alarm). Expired recommendations carry no label and are not included.");
        sb.AppendLine();
        sb.AppendLine("## Time range and split");
        sb.AppendLine();
        sb.AppendLine(Inv, $"- requested: decided from {Day(s.Since) ?? "the beginning"} until {Day(s.Until) ?? "now"} (until is exclusive)");
        var all = s.AllRows.ToList();
        sb.AppendLine(Inv, $"- first decision: {Stamp(all.Count == 0 ? null : all.Min(r => r.DecidedAt)) ?? "—"}, last decision: {Stamp(all.Count == 0 ? null : all.Max(r => r.DecidedAt)) ?? "—"}");
        sb.AppendLine(Inv, $"- split by decision time: `train.csv` holds outcomes decided before {Stamp(s.SplitAt) ?? "—"}, `eval.csv` those decided at or after it (target evaluation share {s.EvalFraction:0.##}). A model is trained on the past and measured on the later period, so no later reviewer decision leaks into training.");
        sb.AppendLine();
        sb.AppendLine("## Counts and class balance");
        sb.AppendLine();
        sb.AppendLine("| file | rows | recommendations | label 1 (flag right) | label 0 (false alarm) | share of 1 |");
        sb.AppendLine("|---|---|---|---|---|---|");
        Row(sb, "train.csv", s.TrainRows);
        Row(sb, "eval.csv", s.EvalRows);
        Row(sb, "all", all);
        sb.AppendLine();
        sb.AppendLine("Decisions: " + Join(all.GroupBy(r => r.Decision).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count():N0}")));
        sb.AppendLine();
        sb.AppendLine("Model versions that produced the flags: " + Join(all.GroupBy(r => r.ModelVersion).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"`{g.Key}` {g.Count():N0}")));
        sb.AppendLine();
        sb.AppendLine("## Tenants");
        sb.AppendLine();
        sb.AppendLine("Included: " + Join(s.TenantsIncluded.Select(t => $"`{t}` ({all.Count(r => r.Tenant == t):N0} rows)")));
        sb.AppendLine();
        sb.AppendLine("Excluded: " + Join(s.TenantsExcluded.Select(t => $"`{t.Tenant}` ({t.Reason})")));
        sb.AppendLine();
        sb.AppendLine("A tenant that opted out of training (`tenants.training_opt_out`) is never read by the export.");
        sb.AppendLine();
        sb.AppendLine("## Reviewer reasons");
        sb.AppendLine();
        sb.AppendLine("| reason (normalized) | label 1 | label 0 |");
        sb.AppendLine("|---|---|---|");
        var reasons = all.GroupBy(r => NormalizeReason(r.Reason))
            .Select(g => (Reason: g.Key, Positive: g.Count(r => r.Label), Negative: g.Count(r => !r.Label)))
            .OrderByDescending(g => g.Positive + g.Negative).ThenBy(g => g.Reason, StringComparer.Ordinal).ToList();
        foreach (var (reason, positive, negative) in reasons.Take(MaxReasons))
            sb.AppendLine(Inv, $"| {reason.Replace("|", "\\|", StringComparison.Ordinal)} | {positive:N0} | {negative:N0} |");
        if (reasons.Count > MaxReasons) sb.AppendLine(Inv, $"| ({reasons.Count - MaxReasons:N0} other reasons) | {reasons.Skip(MaxReasons).Sum(r => r.Positive):N0} | {reasons.Skip(MaxReasons).Sum(r => r.Negative):N0} |");
        sb.AppendLine();
        sb.AppendLine("## Blind review");
        sb.AppendLine();
        sb.AppendLine(Inv, $"`{BlindReviewSample.FileName}` lists {s.BlindReview.Count:N0} requisitions the model scored but did **not** flag, sampled by a seeded hash. They go to reviewers **unlabelled** (ids and scores only) so misses below the threshold can become labels; they are never added to train.csv or eval.csv as negatives, since an unreviewed \"not flagged\" is the model's opinion, not a person's.");
        sb.AppendLine();
        if (s.HistoryCsv is not null)
        {
            sb.AppendLine("## Price history");
            sb.AppendLine();
            sb.AppendLine(Inv, $"`{SnapshotWriter.HistoryFile}` holds {s.HistoryRows:N0} earlier purchase lines of the exported items from the included tenants' price history: what the detector compared the judged lines with. They carry no reviewer label and are used only as history, never as training examples (prices as recorded, not converted between currencies).");
            sb.AppendLine();
        }
        sb.AppendLine("## Skipped");
        sb.AppendLine();
        sb.AppendLine(s.Skipped.Count == 0 ? "None." : Join(s.Skipped.GroupBy(x => x.Reason).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count():N0}")));
        sb.AppendLine();
        sb.AppendLine("## Known limits");
        sb.AppendLine();
        sb.AppendLine("- Only flagged requisitions reach a reviewer, so the labels describe the model's false alarms and true alarms, not its misses (see blind review).");
        sb.AppendLine("- Reviewers can be wrong or inconsistent; an edited recommendation counts as a confirmed flag.");
        sb.AppendLine("- Rows are rebuilt from the requisitions as stored now; a requisition changed after scoring is exported as it is today.");
        return sb.ToString();
    }

    /// <summary>Reasons grouped case- and whitespace-insensitively, so "Recurring rent" and "recurring  rent " count together.</summary>
    public static string NormalizeReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return "(no reason given)";
        var words = reason.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var text = string.Join(' ', words).TrimEnd('.', '!');
        return text.Length > 80 ? text[..80] + "…" : text;
    }

    private static void Row(StringBuilder sb, string name, IReadOnlyCollection<OutcomeLabel> rows)
    {
        var positive = rows.Count(r => r.Label);
        var share = rows.Count == 0 ? "—" : ((double)positive / rows.Count).ToString("0.000", Inv);
        sb.AppendLine(Inv, $"| {name} | {rows.Count:N0} | {rows.Select(r => r.RecommendationId).Distinct().Count():N0} | {positive:N0} | {rows.Count - positive:N0} | {share} |");
    }

    private static string Join(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count == 0 ? "none." : string.Join(", ", list) + ".";
    }

    private static string? Day(DateTimeOffset? d) => d?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Inv);
    public static string? Stamp(DateTimeOffset? d) => d?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", Inv);
}
