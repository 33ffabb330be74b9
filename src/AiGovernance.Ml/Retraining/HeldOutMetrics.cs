namespace AiGovernance.Ml.Retraining;

/// <summary>One model's figures on the snapshot's held-out later period (eval.csv).</summary>
/// <param name="Rows">Pairs (duplicate) or lines (price variance) evaluated.</param>
/// <param name="Positives">Rows labelled 1.</param>
/// <param name="FalsePositiveRate">Flagged label-0 rows / label-0 rows: the false alarms reviewers rejected, as a rate.</param>
public sealed record HeldOutMetrics(string Version, int Rows, int Positives, double Precision, double Recall, double F1, double FalsePositiveRate)
{
    /// <summary>Metrics from weighted confusion counts (duplicate pairs carry sampling weights; outcomes weigh 1).</summary>
    public static HeldOutMetrics From(string version, int rows, int positives, double tp, double fp, double fn, double tn)
    {
        var precision = tp + fp == 0 ? 0 : tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var fpr = fp + tn == 0 ? 0 : fp / (fp + tn);
        return new HeldOutMetrics(version, rows, positives, R(precision), R(recall), R(f1), R(fpr));
    }

    private static double R(double v) => Math.Round(v, 4);
}

/// <summary>What the data team should do next; the challenger is never activated by training.</summary>
public static class RecommendedAction
{
    public const string RequestPromotion = "request promotion";
    public const string KeepChampion = "keep champion";

    /// <summary>
    /// Promotion is worth requesting only when the challenger is strictly better on the primary metric on the same
    /// held-out period (a tie keeps the model people already know), or when there is no champion to keep.
    /// </summary>
    public static string Decide(HeldOutMetrics challenger, HeldOutMetrics? champion, Func<HeldOutMetrics, double> primary) =>
        champion is null || primary(challenger) > primary(champion) ? RequestPromotion : KeepChampion;
}
