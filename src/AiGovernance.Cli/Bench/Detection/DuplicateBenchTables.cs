using System.Globalization;
using AiGovernance.Ml.Duplicates.Dataset;
using AiGovernance.Ml.Training;

namespace AiGovernance.Cli.Bench.Detection;

/// <summary>Counting flagged pairs against the truth and laying the results out side by side.</summary>
public static class DuplicateBenchTables
{
    public sealed record Outcome(string Method, int Flagged, int Tp, int Fp, int Fn, double Precision, double Recall, double F1);

    public static Outcome Count(string method, IReadOnlySet<(string, string)> flagged, InjectedSet truth)
    {
        var tp = flagged.Count(truth.Truth.ContainsKey);
        var (p, r, f1) = Metrics.PrecisionRecallF1(tp, flagged.Count - tp, truth.Truth.Count - tp);
        return new Outcome(method, flagged.Count, tp, flagged.Count - tp, truth.Truth.Count - tp, p, r, f1);
    }

    /// <summary>Method rows with the model's F1 divided by each row's F1 in the last column.</summary>
    public static List<IReadOnlyList<string>> Compare(IReadOnlyList<Outcome> rows)
    {
        var model = rows[0];
        var table = new List<IReadOnlyList<string>> { new[] { "method", "flagged", "TP", "FP", "FN", "precision", "recall", "F1", "model F1 / this F1" } };
        foreach (var o in rows)
            table.Add([o.Method, N(o.Flagged), N(o.Tp), N(o.Fp), N(o.Fn), F(o.Precision), F(o.Recall), F(o.F1),
                o.F1 == 0 ? "inf" : (model.F1 / o.F1).ToString("0.00", CultureInfo.InvariantCulture) + "x"]);
        return table;
    }

    /// <summary>Recall per corruption the generator applied, one column per method.</summary>
    public static List<IReadOnlyList<string>> RecallByKind(InjectedSet truth, IReadOnlyList<(string Method, IReadOnlySet<(string, string)> Flagged)> methods)
    {
        var tags = truth.Truth.Values.SelectMany(k => k.Split('+')).Distinct().Order(StringComparer.Ordinal).ToList();
        var table = new List<IReadOnlyList<string>> { new[] { "corruption", "duplicates" }.Concat(methods.Select(m => m.Method + " recall")).ToList() };
        foreach (var tag in tags)
        {
            var pairs = truth.Truth.Where(t => t.Value.Split('+').Contains(tag)).Select(t => t.Key).ToList();
            table.Add(new[] { tag, N(pairs.Count) }.Concat(methods.Select(m => F((double)pairs.Count(m.Flagged.Contains) / pairs.Count))).ToList());
        }
        return table;
    }

    public static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
    public static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
}
