using System.Globalization;
using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.Embeddings;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Cli.Commands.Detection;

public sealed record DuplicateDetectOptions(string Input, string Output, string ModelDirectory, bool Strict, bool Embeddings,
    IReadOnlyList<decimal> SplitThresholds, int SplitWindowDays, string? SplitsOutput, bool AllPairs = false);

/// <summary>The work of <c>aigov detect duplicates</c>: read, embed, block, score, explain, write.</summary>
public static class DuplicateDetectRun
{
    public static async Task<int> RunAsync(DuplicateDetectOptions o, CancellationToken ct)
    {
        if (!File.Exists(o.Input)) throw new CliException($"{o.Input}: no such file");
        DuplicateModel model;
        try { model = DuplicateModel.Load(o.ModelDirectory); }
        catch (InvalidDataException ex) { throw new CliException(ex.Message); }

        List<DuplicateRecord> records;
        var skipped = 0;
        try
        {
            using var reader = new StreamReader(o.Input);
            records = DuplicateCsv.ReadRecords(reader, o.Strict, e => { skipped++; Console.Error.WriteLine($"warning: {o.Input} {e}: row skipped"); });
        }
        catch (CsvRejectedException ex)
        {
            throw new CliException($"{o.Input} {ex.Message}" + (o.Strict ? " (--strict: file rejected, nothing written)" : ""));
        }

        var bars = new ConsoleProgress();
        if (o.Embeddings && records.Count > 0)
        {
            using var embedder = new MiniLmEmbedder();
            records = await new EmbeddingCache(embedder).AttachAsync(records, Stage(bars, "embedding descriptions"), ct);
        }
        var prepared = records.Select(r => new PreparedRecord(r)).ToList();
        AmountSeries.Annotate(prepared);
        var candidates = CandidateBlocker.Candidates(prepared, new BlockingOptions(), Stage(bars, "finding candidate pairs"), ct);
        var scored = DuplicateDetector.ScoreCandidates(model, prepared, candidates, Stage(bars, "scoring pairs"), ct);
        var flagged = DuplicateDetector.Explain(model, prepared, DuplicateDetector.Flagged(model, scored, bestMatchOnly: !o.AllPairs));

        WriteAtomically(o.Output, w =>
        {
            w.WriteLine("id_a,id_b,probability,reasons");
            foreach (var m in flagged)
                w.WriteLine(DuplicateCsv.Line([m.IdA, m.IdB, m.Probability.ToString("0.0000", CultureInfo.InvariantCulture), DuplicateDetector.ReasonText(m)]));
        });
        Console.Error.WriteLine($"{records.Count:N0} records ({skipped:N0} skipped), {candidates.Count:N0} candidate pairs, {flagged.Count:N0} flagged " +
            $"at threshold {model.Threshold:0.####} (model {model.Version}) -> {o.Output}");

        if (o.SplitThresholds.Count > 0)
        {
            var splits = SplitPurchases(records, o.SplitThresholds, TimeSpan.FromDays(o.SplitWindowDays));
            var path = o.SplitsOutput ?? o.Output + ".splits.csv";
            WriteAtomically(path, w =>
            {
                w.WriteLine("ids,total,threshold,reasons");
                foreach (var s in splits)
                    w.WriteLine(DuplicateCsv.Line([string.Join(' ', s.Ids), s.Total.ToString(CultureInfo.InvariantCulture), s.Threshold.ToString(CultureInfo.InvariantCulture), string.Join("; ", s.Reasons)]));
            });
            Console.Error.WriteLine($"{splits.Count:N0} split purchases -> {path}");
        }
        return 0;
    }

    /// <summary>Each record as "newest" against the ones before it; a group is reported once, by its latest member.</summary>
    public static List<SplitPurchaseFinding> SplitPurchases(IReadOnlyList<DuplicateRecord> records, IReadOnlyList<decimal> thresholds, TimeSpan window)
    {
        var ordered = records.OrderBy(r => r.Date).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var findings = new List<SplitPurchaseFinding>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var i = ordered.Count - 1; i >= 0; i--)
        {
            if (reported.Contains(ordered[i].Id)) continue;
            var finding = SplitPurchaseDetector.Find(ordered[i], ordered.GetRange(0, i), thresholds, window);
            if (finding is null) continue;
            findings.Add(finding);
            reported.UnionWith(finding.Ids);
        }
        findings.Reverse();
        return findings;
    }

    public static IReadOnlyList<decimal> ParseThresholds(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var list = new List<decimal>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            list.Add(decimal.TryParse(part, NumberStyles.Number, CultureInfo.InvariantCulture, out var t) && t > 0
                ? t : throw new CliException($"--split-thresholds: '{part}' is not a positive amount"));
        return list;
    }

    /// <summary>Write to a temp file and rename, so a failed run never leaves half a file.</summary>
    private static void WriteAtomically(string path, Action<StreamWriter> write)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var tmp = full + ".tmp";
        using (var w = new StreamWriter(tmp, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" }) write(w);
        File.Move(tmp, full, overwrite: true);
    }

    private static StageProgress Stage(ConsoleProgress bars, string stage) => new(bars, stage);
}
