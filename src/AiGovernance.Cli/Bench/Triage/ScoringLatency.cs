using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AiGovernance.Core.Policies;
using AiGovernance.Core.Requisitions;
using AiGovernance.Core.Text;
using AiGovernance.Ml.Categories;
using AiGovernance.Ml.Embeddings;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Cli.Bench.Triage;

/// <summary>
/// What the category detector adds to a submission's scoring, per requisition: embedding the description, the active
/// model's prediction, the suggestion rule and — when something is suggested — routing the requisition twice through
/// the default policy to compare the chains. The 50 most recent demo-tenant history lines are submitted one by one, every
/// second one coded as the other product family (a simulated mis-coding), so about half take the comparison path.
/// The database reads and writes of the scoring job are not in these figures (they are in the job's scoring_ms).
/// </summary>
public static class ScoringLatency
{
    public static async Task RunAsync(TriageBenchContext context, ITextEmbedder embedder, CancellationToken ct, int count = 50)
    {
        var o = context.Output;
        var registry = new ModelRegistry(context.ModelsRoot);
        var version = registry.ActiveVersion("category");
        if (version is null) { o.WriteLine("category scoring latency: no active category model; skipped"); return; }
        var model = CategoryModel.Load(registry.DirectoryOf("category", version));
        var repo = Path.GetDirectoryName(context.ModelsRoot)!;
        var policy = PolicyParser.Parse(await File.ReadAllTextAsync(Path.Combine(repo, "policies", "default.yaml"), ct)).Policy
            ?? throw new CliException("policies/default.yaml does not parse");
        var suppliers = SupplierNames(Path.Combine(repo, "datasets", "demo-tenant", "master-data.json"));
        using var reader = new StreamReader(Path.Combine(repo, "datasets", "demo-tenant", "requisition-history.csv"));
        var rows = CsvReader.Read(reader).ToList().TakeLast(count).ToList();

        await model.PredictAsync(new CategoryExample("warm-up", "warm-up", null, null), embedder, ct: ct); // first call loads ONNX and ML.NET
        var times = new List<double>();
        int suggested = 0, changesChain = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var truth = row["category"];
            var given = i % 2 == 0 ? truth : truth.StartsWith("Diagnostics", StringComparison.Ordinal) ? "Pharmaceuticals-ARV" : "Diagnostics-HIV";
            var amount = decimal.Parse(row["unit_price"], CultureInfo.InvariantCulture) * decimal.Parse(row["quantity"], CultureInfo.InvariantCulture);
            var watch = Stopwatch.StartNew();
            var prediction = await model.PredictAsync(new CategoryExample($"r{i}", row["description"], suppliers.GetValueOrDefault(row["supplier_id"], row["supplier_id"]), null), embedder, top: 3, ct);
            var decision = CategorySuggestion.Decide(given, prediction);
            if (decision.Kind != CategorySuggestionKind.None)
            {
                suggested++;
                var input = new RoutingInput(amount, row["currency"], given, row["legal_entity"], row["cost_centre"], "low", Urgency.Normal, null, null);
                if (CategoryChains.Compare(policy, input, decision.Category!, "u-owner", row["requester"]).ChangesChain) changesChain++;
            }
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double P(double q) => times[Math.Clamp((int)Math.Ceiling(q * times.Count) - 1, 0, times.Count - 1)];
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"category scoring per requisition (model {version}, {embedder.ModelId}, {times.Count} demo-tenant requisitions, every second one mis-coded): p50 {P(0.5):0.0} ms, p95 {P(0.95):0.0} ms, max {times[^1]:0.0} ms; {suggested} suggestions, {changesChain} would change the default policy's chain"));
    }

    private static Dictionary<string, string> SupplierNames(string masterData)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(masterData));
        return doc.RootElement.GetProperty("suppliers").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("name").GetString()!, StringComparer.Ordinal);
    }
}
