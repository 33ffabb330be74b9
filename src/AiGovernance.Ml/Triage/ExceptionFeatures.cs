using AiGovernance.Core.Exceptions;

namespace AiGovernance.Ml.Triage;

/// <summary>
/// The feature vector of the exception-probability model. Unknown values are a neutral number plus a
/// "missing" flag, so the trees can tell "no confidence" from "confidence 0". Counts go in as log(1 + n)
/// beside a smoothed rate, which is what a reviewer reads from history ("3 of 4 were real").
/// </summary>
public static class ExceptionFeatures
{
    /// <summary>Every exception type in a fixed order (one-hot); an unknown type sets none.</summary>
    public static readonly IReadOnlyList<string> Types = [.. ExceptionTypes.All.Keys.Order(StringComparer.Ordinal)];

    private static readonly string[] Numeric =
    [
        "severity", "confidence", "confidence_missing", "log_amount", "amount_missing", "supplier_risk", "supplier_risk_missing",
        "hours_to_sla", "sla_missing", "hours_to_needed_by", "needed_by_missing", "customer_commitment",
        "type_log_real", "type_log_dismissed", "type_real_rate", "supplier_log_real", "supplier_log_dismissed", "supplier_real_rate",
        "duplicate_probability", "duplicate_missing", "price_variance_pct", "price_variance_missing",
    ];

    public static readonly IReadOnlyList<string> Names = [.. Types.Select(t => "type=" + t), .. Numeric];

    /// <summary>The vector length; fixed at compile time for ML.NET's VectorType.</summary>
    public const int Count = 43;

    public static float[] Compute(ExceptionFacts f)
    {
        var v = new float[Count];
        var t = IndexOfType(f.Type);
        if (t >= 0) v[t] = 1;
        var i = Types.Count;
        v[i++] = f.Severity switch { "low" => 0, "medium" => 1, "high" => 2, "critical" => 3, _ => 1 };
        v[i++] = (float)(f.Confidence ?? 0.5);
        v[i++] = f.Confidence is null ? 1 : 0;
        v[i++] = f.AmountAtRisk is { } a && a > 0 ? (float)Math.Log10(1 + (double)a) : 0;
        v[i++] = f.AmountAtRisk is { } b && b > 0 ? 0 : 1;
        v[i++] = f.SupplierRisk switch { "low" => 0, "medium" => 0.5f, "high" => 1, _ => 0.5f };
        v[i++] = f.SupplierRisk is "low" or "medium" or "high" ? 0 : 1;
        // Clipped: a deadline months away is as far as one a week away for triage, and it keeps outliers from splitting trees.
        v[i++] = (float)Math.Clamp(f.HoursToSla ?? 0, -168, 720);
        v[i++] = f.HoursToSla is null ? 1 : 0;
        v[i++] = (float)Math.Clamp(f.HoursToNeededBy ?? 0, -720, 2160);
        v[i++] = f.HoursToNeededBy is null ? 1 : 0;
        v[i++] = f.CustomerCommitment ? 1 : 0;
        v[i++] = (float)Math.Log(1 + f.TypeReal);
        v[i++] = (float)Math.Log(1 + f.TypeDismissed);
        v[i++] = Rate(f.TypeReal, f.TypeDismissed);
        v[i++] = (float)Math.Log(1 + f.SupplierReal);
        v[i++] = (float)Math.Log(1 + f.SupplierDismissed);
        v[i++] = Rate(f.SupplierReal, f.SupplierDismissed);
        v[i++] = (float)(f.DuplicatePercent ?? 0);
        v[i++] = f.DuplicatePercent is null ? 1 : 0;
        v[i++] = (float)Math.Clamp(f.PriceVariancePercent ?? 0, -100, 1000);
        v[i++] = f.PriceVariancePercent is null ? 1 : 0;
        return v;
    }

    /// <summary>Real share with one real and one dismissed pseudo-count: 0.5 when nothing is known yet.</summary>
    private static float Rate(int real, int dismissed) => (real + 1f) / (real + dismissed + 2f);

    private static int IndexOfType(string type)
    {
        for (var i = 0; i < Types.Count; i++) if (Types[i] == type) return i;
        return -1;
    }
}
