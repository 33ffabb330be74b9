using System.Text.Json.Nodes;
using AiGovernance.Ml.Drift;

namespace AiGovernance.Ml.Tests.Drift;

public class ScoreDistributionTests
{
    [Fact]
    public void Scores_become_decile_edges_and_shares_that_the_drift_reader_reads_back()
    {
        var scores = Enumerable.Range(0, 1000).Select(i => i / 1000.0).ToArray();
        var dir = Directory.CreateTempSubdirectory("score-dist-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "metrics.json"), """{"kind": "duplicate", "holdout": {"f1": 0.9}}""");

            ScoreDistribution.WriteInto(dir, scores, "eval.csv (1000 pairs)");

            var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "metrics.json")))!.AsObject();
            Assert.Equal(0.9, metrics["holdout"]!["f1"]!.GetValue<double>());   // the rest of the file is kept
            Assert.Equal("eval.csv (1000 pairs)", metrics["score_distribution"]!["source"]!.GetValue<string>());
            var reference = TrainingReference.Scores(dir)!;
            Assert.Equal(1000, reference.Count);
            Assert.Equal(9, reference.Edges.Count);
            Assert.Equal(0.099, reference.Edges[0], 6);
            Assert.Equal(0.899, reference.Edges[^1], 6);
            Assert.All(reference.Proportions, p => Assert.Equal(0.1, p, 3));
            Assert.Equal(0.4995, reference.Mean!.Value, 6);

            // The model's own scores against the reference: no drift; everything at the top: drift.
            Assert.InRange(PopulationStability.Compare("score", reference, scores, 0.2).Psi!.Value, 0, 0.001);
            Assert.True(PopulationStability.Compare("score", reference, Enumerable.Repeat(0.99, 200).ToArray(), 0.2).Alert);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Mostly_zero_scores_merge_their_bins_instead_of_leaving_empty_ones()
    {
        var scores = Enumerable.Repeat(0.0, 920).Concat(Enumerable.Range(1, 80).Select(i => i * 10.0)).ToArray();
        var json = ScoreDistribution.ToJson(scores, "eval.csv");
        var edges = json["edges"]!.AsArray().Select(n => n!.GetValue<double>()).ToArray();
        var shares = json["proportions"]!.AsArray().Select(n => n!.GetValue<double>()).ToArray();
        Assert.Equal([0.0], edges);
        Assert.Equal([0.92, 0.08], shares);
        Assert.Equal(1000, json["count"]!.GetValue<long>());
    }
}
