using AiGovernance.Core.Requisitions;
using System.Globalization;
using AiGovernance.Agents.Documents;
using AiGovernance.Cli.Commands.Detection;

namespace AiGovernance.Cli.Bench.Documents;

/// <summary>Field accuracy of reader + extractor against the data sets' own expected values.</summary>
public static class DocumentQualityBench
{
    public sealed record FieldScore(string Field, int Correct, int Evaluated)
    {
        public double Accuracy => Evaluated == 0 ? 0 : (double)Correct / Evaluated;
    }

    public static IReadOnlyList<FieldScore> Run(IReadOnlyList<ExpectedDocument> docs, TextWriter output, CancellationToken ct)
    {
        var correct = BenchFields.All.ToDictionary(f => f.Bench, _ => 0);
        var evaluated = BenchFields.All.ToDictionary(f => f.Bench, _ => 0);
        var unreadable = new List<string>();
        output.WriteLine("Per file (expected → got):");
        foreach (var doc in docs)
        {
            ct.ThrowIfCancellationRequested();
            var read = PdfDocumentReader.Read(File.ReadAllBytes(doc.Path), new DocumentReadOptions(), ct);
            var fields = FieldExtractor.Extract(read);
            output.WriteLine($"  {doc.Set}/{doc.Name}: {read.Status.ToSnakeCase()}{(read.Problem is null ? "" : $" — {read.Problem}")}");
            if (!read.IsReadable) unreadable.Add($"{doc.Set}/{doc.Name}: {read.Status.ToSnakeCase()} — {read.Problem}");
            foreach (var (bench, field) in BenchFields.All)
            {
                if (!doc.Expected.TryGetValue(bench, out var expected)) continue;
                var got = fields[field]?.Value;
                var ok = BenchFields.Matches(bench, expected, got);
                evaluated[bench]++;
                if (ok) correct[bench]++;
                output.WriteLine($"    {(ok ? "ok  " : "MISS")} {bench,-15} expected {expected,-28} got {got ?? "(absent)"}");
            }
        }

        var scores = BenchFields.All.Select(f => new FieldScore(f.Bench, correct[f.Bench], evaluated[f.Bench])).ToList();
        output.WriteLine();
        output.WriteLine($"Field accuracy over {docs.Count} files (unreadable files count as misses):");
        var table = new List<IReadOnlyList<string>> { new[] { "field", "correct", "evaluated", "accuracy" } };
        table.AddRange(scores.Select(s => (IReadOnlyList<string>)
            [s.Field, s.Correct.ToString(CultureInfo.InvariantCulture), s.Evaluated.ToString(CultureInfo.InvariantCulture),
             s.Accuracy.ToString("P1", CultureInfo.InvariantCulture)]));
        ConsoleProgress.PrintTable(table, output);
        output.WriteLine(unreadable.Count == 0 ? "All files were read." : "Not read:");
        foreach (var u in unreadable) output.WriteLine($"  {u}");
        return scores;
    }
}
