using AiGovernance.Core.Text;

namespace AiGovernance.Ml.Duplicates;

/// <summary>A training or evaluation pair: A is the later record, B the earlier one; Kind says how it was made.</summary>
/// <param name="Weight">How many candidate pairs this one stands for: negatives are sampled, so each kept one carries the
/// inverse of its sampling rate and metrics/thresholds reflect the real class balance among candidates.</param>
/// <param name="Series">A's <see cref="PreparedRecord.SeriesCount"/> in the set the pair came from (context the two records do not carry).</param>
public sealed record LabelledPair(DuplicateRecord A, DuplicateRecord B, bool Label, string Kind, float Weight = 1, int? Series = null);

/// <summary>
/// The labelled pair file of datasets/duplicate (train.csv, eval.csv, abtbuy-*.csv): columns
/// label (0/1), kind, then the record columns of A prefixed "a_" and of B prefixed "b_".
/// </summary>
public static class LabelledPairCsv
{
    /// <summary>A pair file may have a blank supplier (Abt-Buy products without a manufacturer); the detector input may not.</summary>
    private static readonly string[] PairRequired = ["id", "description", "amount", "date"];

    public static string HeaderLine =>
        DuplicateCsv.Line(new[] { "label", "kind", "weight", "a_series" }.Concat(DuplicateCsv.Columns.Select(c => "a_" + c)).Concat(DuplicateCsv.Columns.Select(c => "b_" + c)));

    public static void Write(string path, IEnumerable<LabelledPair> pairs)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        Write(w, pairs);
    }

    /// <summary>The same file as text (outcome snapshots hash it before writing).</summary>
    public static void Write(TextWriter w, IEnumerable<LabelledPair> pairs)
    {
        w.Write(HeaderLine + "\n");
        foreach (var p in pairs)
            w.Write(DuplicateCsv.Line(new[] { p.Label ? "1" : "0", p.Kind, p.Weight.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), p.Series?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "" }.Concat(DuplicateCsv.Fields(p.A)).Concat(DuplicateCsv.Fields(p.B))) + "\n");
    }

    public static List<LabelledPair> Read(string path, bool strict, Action<CsvRowError> onError)
    {
        using var reader = new StreamReader(path);
        return Read(reader, strict, onError);
    }

    public static List<LabelledPair> Read(TextReader reader, bool strict, Action<CsvRowError> onError)
    {
        var pairs = new List<LabelledPair>();
        foreach (var row in CsvRecords.Read(reader, strict, onError))
        {
            var (pair, reason) = Parse(row);
            if (pair is not null) { pairs.Add(pair); continue; }
            var error = new CsvRowError(row.Line, reason!);
            if (strict) throw new CsvRejectedException(error);
            onError(error);
        }
        return pairs;
    }

    private static (LabelledPair?, string?) Parse(CsvReader.Row row)
    {
        var label = row.Optional("label");
        if (label is not ("0" or "1")) return (null, $"'label' must be 0 or 1, found '{label}'");
        var (a, reasonA) = DuplicateCsv.Parse(row, "a_", PairRequired);
        if (a is null) return (null, reasonA);
        var (b, reasonB) = DuplicateCsv.Parse(row, "b_", PairRequired);
        if (b is null) return (null, reasonB);
        var weight = 1f;
        if (row.Optional("weight") is { } w && (!float.TryParse(w, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out weight) || weight <= 0))
            return (null, $"'weight' must be a positive number, found '{w}'");
        int? series = null;
        if (row.Optional("a_series") is { } s)
        {
            if (!int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
                return (null, $"'a_series' must be a whole number, found '{s}'");
            series = n;
        }
        return (new LabelledPair(a, b, label == "1", row.Optional("kind") ?? "", weight, series), null);
    }
}
