using System.Globalization;
using AiGovernance.Ml.Retraining;

namespace AiGovernance.Cli.Commands.Detection;

/// <summary>The end-of-training table: champion and challenger side by side on the snapshot's later period.</summary>
public static class ChallengerSummary
{
    public static void Print(ChallengerComparison c, string modelDirectory, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{c.Kind} challenger {c.Challenger.Version} vs champion {c.Champion?.Version ?? "(none active)"} on eval.csv of snapshot {c.SnapshotSha256[..12]}… (the later period)");
        var champion = c.Champion;
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "metric", "champion", "challenger", "change" },
            Row("precision", champion?.Precision, c.Challenger.Precision),
            Row("recall", champion?.Recall, c.Challenger.Recall),
            Row("F1 (primary)", champion?.F1, c.Challenger.F1),
            Row("false-positive rate", champion?.FalsePositiveRate, c.Challenger.FalsePositiveRate),
            new[] { "eval rows", N(c.Challenger.Rows), N(c.Challenger.Rows), "" },
            new[] { "eval positives", N(c.Challenger.Positives), N(c.Challenger.Positives), "" },
            new[] { "training rows", "", N(c.TrainingRows), "" },
        };
        ConsoleProgress.PrintTable(rows, output);
        output.WriteLine($"recommended action: {c.Action} (written to {Path.Combine(modelDirectory, "metrics.json")}; nothing was activated)");
    }

    private static string[] Row(string name, double? champion, double challenger) =>
        [name, champion is { } v ? F(v) : "—", F(challenger), champion is { } b ? (challenger - b).ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture) : ""];

    private static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
    private static string N(int v) => v.ToString("N0", CultureInfo.InvariantCulture);
}
