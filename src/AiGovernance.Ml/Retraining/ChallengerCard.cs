using System.Globalization;
using System.Text;

namespace AiGovernance.Ml.Retraining;

/// <summary>
/// The card of a challenger trained on reviewer outcomes: intended use, the snapshot it learned from, its metrics
/// beside the champion's on the same later period, known limits — then the trainer's own card (sweep, model details).
/// </summary>
public static class ChallengerCard
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(string modelDirectory, ChallengerComparison c)
    {
        var path = Path.Combine(modelDirectory, "card.md");
        var trainerCard = File.Exists(path) ? File.ReadAllText(path) : "";
        File.WriteAllText(path, Render(c, trainerCard));
    }

    public static string Render(ChallengerComparison c, string trainerCard)
    {
        var m = c.Manifest;
        var sb = new StringBuilder();
        sb.AppendLine(Inv, $"# {c.Kind} challenger — {c.Challenger.Version}");
        sb.AppendLine();
        sb.AppendLine(Inv, $"**Status.** Challenger, not active. Recommended action: **{c.Action}** (primary metric F1 on the snapshot's later period). Activation needs a promotion request approved by a second person.");
        sb.AppendLine();
        sb.AppendLine("**Intended use.** The same as the champion's: a reviewer aid that turns a flag into a recommendation a person accepts, edits or rejects. It never blocks, rejects or releases anything on its own.");
        sb.AppendLine();
        sb.AppendLine("## Data");
        sb.AppendLine();
        sb.AppendLine(Inv, $"- outcome snapshot `{Path.GetFileName(Path.TrimEndingDirectorySeparator(c.SnapshotDirectory))}`, sha256 `{c.SnapshotSha256}` (see its DATASHEET.md)");
        sb.AppendLine(Inv, $"- decided {m["time_range"]?["first_decided_at"]} … {m["time_range"]?["last_decided_at"]}; trained on outcomes decided before {m["time_range"]?["split_at"]}, evaluated on those at or after it");
        sb.AppendLine(Inv, $"- train.csv {Count(m, "train", "rows")} rows ({Count(m, "train", "label_1")} flags confirmed, {Count(m, "train", "label_0")} rejected); eval.csv {Count(m, "eval", "rows")} rows ({Count(m, "eval", "label_1")} / {Count(m, "eval", "label_0")})");
        sb.AppendLine(Inv, $"- tenants: {string.Join(", ", m["tenants_included"]?.AsArray().Select(t => t?.ToString()) ?? [])}; blind-review sample {m["counts"]?["blind_review"]} (unlabelled, not used)");
        sb.AppendLine(c.BaseDataset is null
            ? "- trained on the snapshot's train.csv alone"
            : $"- combined with the base training set `{c.BaseDataset}` (sha256 `{c.BaseDatasetSha256}`)");
        sb.AppendLine(Inv, $"- training rows in total: {c.TrainingRows:N0}");
        sb.AppendLine();
        sb.AppendLine("## Challenger beside champion (same held-out later period)");
        sb.AppendLine();
        sb.AppendLine("| model | rows | positives | precision | recall | F1 | false-positive rate |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        if (c.Champion is { } ch) Row(sb, $"champion {ch.Version}", ch);
        else sb.AppendLine("| champion | — | — | — | — | — | — |");
        Row(sb, $"challenger {c.Challenger.Version}", c.Challenger);
        sb.AppendLine();
        sb.AppendLine("## Known limits");
        sb.AppendLine();
        sb.AppendLine("- Labels come only from what the previous model flagged; misses below its threshold are not in the data unless blind review labelled them.");
        sb.AppendLine("- The held-out period is small when few recommendations were decided; a difference of a few rows can flip the recommendation. Read the counts above.");
        sb.AppendLine("- Reviewer decisions reflect one organisation's practice; a pattern rejected by one tenant's reviewers may be a real problem elsewhere.");
        sb.AppendLine();
        sb.AppendLine("## Trainer card");
        sb.AppendLine();
        // The trainer's own card follows with its headings one level down, so this card keeps one title.
        foreach (var line in trainerCard.Split('\n'))
            sb.AppendLine(line.StartsWith('#') ? "#" + line : line);
        return sb.ToString().TrimEnd() + "\n";
    }

    private static string Count(System.Text.Json.Nodes.JsonObject m, string part, string key) => m["counts"]?[part]?[key]?.ToString() ?? "?";

    private static void Row(StringBuilder sb, string name, HeldOutMetrics x) =>
        sb.AppendLine(Inv, $"| {name} | {x.Rows:N0} | {x.Positives:N0} | {x.Precision:0.0000} | {x.Recall:0.0000} | {x.F1:0.0000} | {x.FalsePositiveRate:0.0000} |");
}
