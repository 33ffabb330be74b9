using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Ml.PriceVariance;

/// <summary>Writes metrics.json (every number, machine-readable) and card.md (the same for a person) for a trained version.</summary>
internal sealed record PriceVarianceCard(
    TrainingRequest Request, CandidateResult Best, IReadOnlyList<CandidateResult> Sweep, PriceVarianceParams Parameters,
    IReadOnlyList<ThresholdCandidate> Grid, DetectionMetrics TrainMetrics, PriceEvaluation? HeldOut, int TrainLines, int CleanLines,
    string EvalPath, double Seconds)
{
    public void Write(string directory)
    {
        var metrics = new
        {
            kind = "price-variance",
            version = Request.Version,
            createdUtc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            trainer = Best.Trainer,
            selectedCandidate = Best.Name,
            hyperparameters = Best.Hyperparameters,
            seed = Request.Seed,
            trainingSeconds = Math.Round(Seconds, 1),
            data = new
            {
                train = new { file = Path.GetFileName(Request.DatasetPath), sha256 = Sha256(Request.DatasetPath), lines = TrainLines, cleanLinesForRegression = CleanLines },
                eval = HeldOut is null ? null : new { file = Path.GetFileName(EvalPath), sha256 = Sha256(EvalPath), lines = HeldOut.Overall.Detector.Lines },
            },
            regression = new
            {
                target = "ln(unit price per base unit)",
                crossValidation = "k-fold grouped by item (error on unseen items)",
                cvRmseLog = Math.Round(Best.Rmse, 4),
                cvMaeLog = Math.Round(Best.Mae, 4),
                cvRSquared = Math.Round(Best.RSquared, 4),
                heldOutRmseLog = HeldOut?.RegressionRmse is { } r ? Math.Round(r, 4) : (double?)null,
            },
            sweep = Sweep.Select(c => new
            {
                name = c.Name, trainer = c.Trainer, hyperparameters = c.Hyperparameters, folds = c.Folds, rmseLog = Math.Round(c.Rmse, 4),
                rmseStdDev = Math.Round(c.RmseStdDev, 4), maeLog = Math.Round(c.Mae, 4), rSquared = Math.Round(c.RSquared, 4), seconds = Math.Round(c.Seconds, 1),
            }),
            operatingThreshold = new { score = 0.5, minDeviation = Parameters.MinDeviation, zThreshold = Parameters.ZThreshold, contractTolerance = Parameters.ContractTolerance },
            parameters = Parameters,
            training = new { precision = Math.Round(TrainMetrics.Precision, 4), recall = Math.Round(TrainMetrics.Recall, 4), f1 = Math.Round(TrainMetrics.F1, 4) },
            heldOut = HeldOut?.ToJson(),
            calibrationGrid = Grid,
        };
        File.WriteAllText(Path.Combine(directory, "metrics.json"),
            JsonSerializer.Serialize(metrics, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }) + "\n");
        File.WriteAllText(Path.Combine(directory, "card.md"), Card());
    }

    private string Card()
    {
        var s = new StringBuilder();
        var o = HeldOut?.Overall;
        s.Append(CultureInfo.InvariantCulture, $"# price-variance {Request.Version}\n\n");
        s.Append("**What it is for.** Flags requisition lines whose unit price is far from what the item should cost, with an expected price, ");
        s.Append("variance %, a score in [0, 1) (flagged at ≥ 0.5) and a sentence for the reviewer. Expected price, in order: the contract price; ");
        s.Append("the median of this supplier's recent lines (90 days, else 365) after unit-of-measure normalization; the item's lines at all suppliers; ");
        s.Append("and — for items with fewer than 3 earlier lines — this ML.NET regression. A recommendation for a human reviewer, never an automatic block.\n\n");
        s.Append(CultureInfo.InvariantCulture, $"**Model.** {Best.Name}, selected by {Best.Folds}-fold cross-validation grouped by item (see sweep). ");
        s.Append("Target ln(price per base unit); features: item and supplier (hashed one-hot), category, description words, ln quantity, ln pack size, year.\n\n");
        s.Append(CultureInfo.InvariantCulture, $"**Data.** `{Path.GetFileName(Request.DatasetPath)}` ({TrainLines:N0} lines, {CleanLines:N0} clean lines for the regression, sha256 {Sha256(Request.DatasetPath)[..16]}…), ");
        s.Append("derived from USAID SCMS PO lines (US-Government open data) and a 1/20 stock-code sample of UCI Online Retail (CC BY 4.0) with injected, labelled ");
        s.Append("anomalies; see datasets/price-variance/README.md. Evaluation is on the later 30 % of each source's timeline (held out).\n\n");
        s.Append("## Metrics at the operating threshold\n\n");
        s.Append(CultureInfo.InvariantCulture, $"Thresholds: minimum deviation {Parameters.MinDeviation:P0}, robust z {Parameters.ZThreshold}, contract tolerance {Parameters.ContractTolerance:P0}, regression spread {Parameters.RegressionSigma:0.000} (log).\n\n");
        s.Append(CultureInfo.InvariantCulture, $"Training (calibration) set: precision {TrainMetrics.Precision:0.000}, recall {TrainMetrics.Recall:0.000}, F1 {TrainMetrics.F1:0.000}.\n\n");
        if (HeldOut is not null)
        {
            s.Append("| slice | lines | anomalies | precision | recall | F1 | z-baseline precision | z-baseline recall | z-baseline F1 |\n|---|---|---|---|---|---|---|---|---|\n");
            foreach (var r in HeldOut.Slices)
                s.Append(CultureInfo.InvariantCulture, $"| {r.Slice} | {r.Detector.Lines:N0} | {r.Detector.Anomalies:N0} | {r.Detector.Precision:0.000} | {r.Detector.Recall:0.000} | {r.Detector.F1:0.000} | {r.Baseline.Precision:0.000} | {r.Baseline.Recall:0.000} | {r.Baseline.F1:0.000} |\n");
            s.Append(CultureInfo.InvariantCulture, $"\nFor slices without anomalies (none, drift) precision/recall are 0 by definition; see the flag rate in metrics.json. Regression held-out RMSE (log): {HeldOut.RegressionRmse:0.000} on {HeldOut.RegressionLines:N0} clean lines.\n\n");
        }
        s.Append("## Sweep (cross-validated, grouped by item)\n\n| candidate | RMSE (log) | ± sd | MAE | R² | seconds |\n|---|---|---|---|---|---|\n");
        foreach (var c in Sweep)
            s.Append(CultureInfo.InvariantCulture, $"| {c.Name}{(c == Best ? " **selected**" : "")} | {c.Rmse:0.000} | {c.RmseStdDev:0.000} | {c.Mae:0.000} | {c.RSquared:0.000} | {c.Seconds:0.0} |\n");
        s.Append("\n## Limits\n\n");
        s.Append("- Markups below the minimum deviation are not flagged: normal variation (quantity tiers, second price lists, USAID price spread) is as large.\n");
        s.Append("- For items with under 3 earlier lines only large deviations (decimal shifts, pack confusion) clear the regression's wide spread.\n");
        s.Append("- A wrong price repeated three times at one supplier becomes the recent level and stops being flagged (the price of absorbing real drift).\n");
        s.Append("- Contract prices are taken to be in the line's unit of measure. Anomalies are injected, not observed: real errors may look different.\n");
        s.Append("- Currency is not converted: history in another currency is ignored.\n");
        if (o is not null) s.Append(CultureInfo.InvariantCulture, $"\nHeadline (held out): precision {o.Detector.Precision:0.000}, recall {o.Detector.Recall:0.000}, F1 {o.Detector.F1:0.000}; trained in {Seconds:0} s.\n");
        return s.ToString();
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
