using System.Globalization;

namespace AiGovernance.Ml.Duplicates;

/// <summary>
/// Turns a pair's features into the sentences a reviewer reads: which fields matched and how closely.
/// Only evidence is listed (a field that differs is not a reason to flag).
/// </summary>
public static class DuplicateReasons
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IReadOnlyList<string> Describe(PreparedRecord a, PreparedRecord b, ReadOnlySpan<float> f)
    {
        var reasons = new List<string>();
        if (f[0] == 1) reasons.Add($"same supplier id {a.Record.SupplierId!.Trim()}");
        if (f[2] == 1)
            reasons.Add(string.Equals(a.Record.Supplier.Trim(), b.Record.Supplier.Trim(), StringComparison.OrdinalIgnoreCase)
                ? $"same supplier name '{a.Record.Supplier.Trim()}'"
                : $"supplier names match after normalization ('{a.Record.Supplier.Trim()}' / '{b.Record.Supplier.Trim()}' → '{a.SupplierKey}')");
        else if (f[1] >= 0.85) reasons.Add(F($"supplier names {f[1]:0.00} similar ('{a.Record.Supplier.Trim()}' / '{b.Record.Supplier.Trim()}')"));

        if (f[3] == 1)
            reasons.Add(string.Equals(a.Record.Reference?.Trim(), b.Record.Reference?.Trim(), StringComparison.OrdinalIgnoreCase)
                ? $"same reference '{a.Record.Reference!.Trim()}'"
                : $"same reference after normalization ('{a.Record.Reference!.Trim()}' / '{b.Record.Reference!.Trim()}' → '{a.Reference}')");
        else if (f[21] == 1) reasons.Add($"references differ by two swapped characters, a typing slip ('{a.Record.Reference}' / '{b.Record.Reference}')");
        else if (f[19] == 1) reasons.Add($"one reference extends the other by a short suffix ('{a.Record.Reference}' / '{b.Record.Reference}')");
        else if (f[5] == 1) reasons.Add($"references share the same digits ('{a.Record.Reference}' / '{b.Record.Reference}')");
        else if (f[4] >= 0.7) reasons.Add(F($"references {f[4]:0.00} similar ('{a.Record.Reference}' / '{b.Record.Reference}')"));

        var amountA = Math.Abs(a.Record.Amount);
        var amountB = Math.Abs(b.Record.Amount);
        if (f[7] == 1) reasons.Add(F($"identical amount {amountA:#,0.00}"));
        else if (f[8] == 1) reasons.Add(F($"amounts differ by only {Math.Abs(amountA - amountB):0.00} ({amountA:#,0.00} / {amountB:#,0.00})"));
        else if (f[9] == 1) reasons.Add(F($"amounts differ by a VAT rate ({amountA:#,0.00} / {amountB:#,0.00}, ratio {(double)Math.Max(amountA, amountB) / (double)Math.Min(amountA, amountB):0.00})"));
        else if (f[10] == 1) reasons.Add(F($"one amount is a simple fraction of the other ({amountA:#,0.00} / {amountB:#,0.00}): a split quantity"));
        else if (f[6] >= 0.97) reasons.Add(F($"amounts within {(1 - f[6]) * 100:0.0}% ({amountA:#,0.00} / {amountB:#,0.00})"));

        var gap = (int)f[12];
        if (gap <= 31) reasons.Add(gap == 0 ? "same date" : gap == 1 ? "dates 1 day apart" : $"dates {gap} days apart");

        if (f[13] >= 0.8)
            reasons.Add(F($"descriptions {f[13]:0.00} similar ({(f[15] == 1 ? "embedding cosine" : "token trigrams")})"));
        if (f[23] == 1) reasons.Add($"descriptions share a part/model number ({string.Join(", ", a.DescriptionCodes.Intersect(b.DescriptionCodes).Take(3))})");
        if (f[16] >= 0.5) reasons.Add(F($"line items overlap {f[16]:P0}"));
        if (f[17] == 1) reasons.Add($"same requester {a.Record.Requester!.Trim()}");
        if (f[18] == 1) reasons.Add($"same cost centre {a.Record.CostCenter!.Trim()}");
        if (f[20] == 0) reasons.Add("no other payment of this amount to this supplier in the previous 45 days (not a recurring payment)");
        else if (f[20] > 0) reasons.Add(F($"caution: {f[20]:0} other payment(s) of about this amount to this supplier in the previous 45 days (possibly a recurring payment)"));
        return reasons;
    }

    private static string F(FormattableString s) => s.ToString(Inv);
}
