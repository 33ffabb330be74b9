using System.Globalization;
using AiGovernance.Ml.PriceVariance;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Cli.Commands.Detection;

/// <summary>Scores a whole file as a stream in date order, each line against the lines dated before it.</summary>
public static class PriceVarianceDetection
{
    public static List<PriceVarianceResult> Run(PriceVarianceModel model, IReadOnlyList<PriceLine> lines, IProgress<TrainingProgress> progress, CancellationToken ct)
    {
        var labelled = lines.Select(l => new LabelledPriceLine(l, false, AnomalyKinds.None, "")).ToList();
        var scored = PriceStream.Run(model, [], labelled, progress, "price-variance", ct, withBaseline: false);
        // Results go out in input order, whatever order the dates were in.
        var byId = new Dictionary<PriceLine, PriceVarianceResult>(ReferenceEqualityComparer.Instance);
        foreach (var s in scored) byId[s.Labelled.Line] = model.ToResult(s.Evidence);
        return lines.Select(l => byId[l]).ToList();
    }

    public static void WriteFlags(string path, IEnumerable<PriceVarianceResult> results)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        var tmp = path + ".tmp";
        using (var writer = new StreamWriter(tmp, false, new System.Text.UTF8Encoding(false)))
        {
            writer.Write("id,expected_price,variance_pct,score,flagged,reasons\n");
            foreach (var r in results)
            {
                string[] fields =
                [
                    r.Id, r.ExpectedPrice is { } e ? PriceLineCsv.Number(e) : "",
                    r.VariancePct is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "",
                    r.Score.ToString("0.####", CultureInfo.InvariantCulture), r.Flagged ? "true" : "false", r.Reason,
                ];
                writer.Write(string.Join(',', fields.Select(PriceLineCsv.Quote)) + "\n");
            }
        }
        File.Move(tmp, path, overwrite: true); // a reader never sees half a file
    }
}
