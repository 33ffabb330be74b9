namespace AiGovernance.Ml.Duplicates;

/// <summary>
/// The pairwise features the classifier sees, in a fixed order (the order is part of the model:
/// model.zip stores a vector of this length). Unknown values (a field missing on either side) are −1,
/// so "unknown" is never confused with "different" (0) or "same" (1).
/// </summary>
public static class PairFeatures
{
    public static readonly string[] Names =
    [
        "supplier_id_match", "supplier_name_similarity", "supplier_name_equal",
        "reference_equal", "reference_similarity", "reference_digits_equal",
        "amount_ratio", "amount_equal_cents", "amount_cents_apart", "amount_vat_ratio", "amount_split_fraction", "amount_log10",
        "date_gap_days",
        "description_similarity", "description_token_jaccard", "embedding_present",
        "line_item_overlap", "same_requester", "same_cost_center",
        "reference_prefix_match", "amount_series_others", "reference_transposition", "reference_numeric_gap_log10",
        "description_code_match",
    ];

    /// <summary>The vector length ML.NET sees; a compile-time constant because attributes need one.</summary>
    public const int Count = 24;

    // UK, EU and common VAT/GST multipliers: an invoice re-entered gross instead of net.
    private static readonly double[] VatMultipliers = [1.2, 1.05, 1.19, 1.21, 1.1, 1.15, 1.07, 1.25];
    private static readonly double[] SplitFractions = [1 / 2.0, 1 / 3.0, 2 / 3.0, 1 / 4.0, 3 / 4.0, 1 / 5.0];

    public static float[] Compute(PreparedRecord a, PreparedRecord b)
    {
        var f = new float[Names.Length];
        Compute(a, b, f);
        return f;
    }

    public static void Compute(PreparedRecord a, PreparedRecord b, Span<float> f)
    {
        f[0] = Tri(a.SupplierIdKey, b.SupplierIdKey);
        f[1] = (float)TextSimilarity.JaroWinkler(a.SupplierKey, b.SupplierKey);
        f[2] = a.SupplierKey.Length > 0 && a.SupplierKey == b.SupplierKey ? 1 : 0;

        var bothRefs = a.Reference.Length > 0 && b.Reference.Length > 0;
        f[3] = bothRefs ? a.Reference == b.Reference ? 1 : 0 : -1;
        f[4] = bothRefs ? (float)TextSimilarity.LevenshteinSimilarity(a.Reference, b.Reference) : -1;
        f[5] = a.ReferenceDigits.Length > 0 && b.ReferenceDigits.Length > 0 ? a.ReferenceDigits == b.ReferenceDigits ? 1 : 0 : -1;

        var x = Math.Abs(a.Record.Amount);
        var y = Math.Abs(b.Record.Amount);
        var lo = (double)Math.Min(x, y);
        var hi = (double)Math.Max(x, y);
        // A zero amount is "not given" (a price missing from a catalogue row), not a different amount.
        var ratio = lo <= 0 ? -1 : lo / hi;
        f[6] = (float)ratio;
        f[7] = x == y ? 1 : 0;
        f[8] = x != y && Math.Abs(x - y) < 1m ? 1 : 0;
        f[9] = lo > 0 && VatMultipliers.Any(m => Math.Abs(hi / lo - m) < 0.002) ? 1 : 0;
        f[10] = ratio > 0 && SplitFractions.Any(s => Math.Abs(ratio - s) < 0.002) ? 1 : 0;
        f[11] = (float)Math.Log10(1 + hi);

        f[12] = Math.Abs(a.Record.Date.DayNumber - b.Record.Date.DayNumber);

        f[13] = (float)a.DescriptionSimilarity(b);
        f[14] = (float)TextSimilarity.Jaccard(a.DescriptionTokens, b.DescriptionTokens);
        f[15] = a.Embedding is not null && b.Embedding is not null ? 1 : 0;

        f[16] = a.LineItemTokens is { Count: > 0 } la && b.LineItemTokens is { Count: > 0 } lb
            ? (float)TextSimilarity.Jaccard(la, lb) : -1;
        f[17] = Tri(a.Record.Requester, b.Record.Requester);
        f[18] = Tri(a.Record.CostCenter, b.Record.CostCenter);
        f[19] = bothRefs ? PrefixMatch(a.Reference, b.Reference) : -1;
        // Other members of A's same-amount series besides B; −1 when the caller gave no history.
        f[20] = a.SeriesCount is { } series ? Math.Max(0, series - (AmountSeries.InSeries(a, b) ? 1 : 0)) : -1;
        f[21] = bothRefs ? Transposition(a.Reference, b.Reference) : -1;
        f[22] = NumericGap(a.Reference, b.Reference);
        f[23] = a.DescriptionCodes.Count > 0 && b.DescriptionCodes.Count > 0 ? a.DescriptionCodes.Overlaps(b.DescriptionCodes) ? 1 : 0 : -1;
    }

    /// <summary>1 when the references differ only by two swapped neighbouring characters (a typing slip).</summary>
    private static float Transposition(string a, string b)
    {
        if (a.Length != b.Length || a == b) return 0;
        var diffs = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
        return diffs.Count == 2 && diffs[1] == diffs[0] + 1 && a[diffs[0]] == b[diffs[1]] && a[diffs[1]] == b[diffs[0]] ? 1 : 0;
    }

    /// <summary>
    /// log10(1 + |a − b|) of two numeric references; −1 when either is not a number. Consecutive document
    /// numbers (a small gap) mean two documents of one series, not one document keyed twice.
    /// </summary>
    private static float NumericGap(string a, string b)
    {
        if (a.Length is 0 or > 18 || b.Length is 0 or > 18 || !a.All(char.IsAsciiDigit) || !b.All(char.IsAsciiDigit)) return -1;
        return (float)Math.Log10(1 + Math.Abs((double)long.Parse(a, System.Globalization.CultureInfo.InvariantCulture) - long.Parse(b, System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>1 when one reference extends the other by a short suffix ("1037524" / "1037524-0": a dropped line or check digit).</summary>
    private static float PrefixMatch(string a, string b)
    {
        if (a == b) return 1;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= 5 && longer.Length - shorter.Length <= 3 && longer.StartsWith(shorter, StringComparison.Ordinal) ? 1 : 0;
    }

    /// <summary>1 same, 0 different, −1 when either side is blank (case-insensitive).</summary>
    private static float Tri(string? a, string? b) =>
        string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b) ? -1
        : string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase) ? 1 : 0;
}
