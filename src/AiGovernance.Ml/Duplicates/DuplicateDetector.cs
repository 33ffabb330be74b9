namespace AiGovernance.Ml.Duplicates;

/// <summary>A candidate pair with its probability (no explanation yet).</summary>
public readonly record struct ScoredPair(int Later, int Earlier, float Probability, float Score);

/// <summary>
/// Batch detection over a record set (one tenant): block, score every candidate pair in one ML.NET
/// pass per chunk, then explain only the pairs that cross the threshold (explanations cost ~20 predictions each).
/// </summary>
public static class DuplicateDetector
{
    private const int Chunk = 20_000;

    public static List<ScoredPair> ScoreCandidates(DuplicateModel model, IReadOnlyList<PreparedRecord> prepared,
        IReadOnlyList<(int Later, int Earlier)> candidates, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var scored = new List<ScoredPair>(candidates.Count);
        for (var start = 0; start < candidates.Count; start += Chunk)
        {
            ct.ThrowIfCancellationRequested();
            var count = Math.Min(Chunk, candidates.Count - start);
            var features = new List<float[]>(count);
            for (var k = start; k < start + count; k++)
                features.Add(PairFeatures.Compute(prepared[candidates[k].Later], prepared[candidates[k].Earlier]));
            var (probabilities, scores) = model.ProbabilitiesAndScores(features);
            for (var k = 0; k < count; k++)
                scored.Add(new ScoredPair(candidates[start + k].Later, candidates[start + k].Earlier, probabilities[k], scores[k]));
            progress?.Report((start + count, candidates.Count));
        }
        if (candidates.Count == 0) progress?.Report((0, 0));
        return scored;
    }

    /// <summary>
    /// The pairs at or above the threshold. With <paramref name="bestMatchOnly"/>, each record keeps only its
    /// highest-scoring earlier match: a requisition repeats one earlier requisition, and when it also resembles
    /// that one's siblings (a recurring series) those extra pairs are noise for the reviewer.
    /// </summary>
    public static List<ScoredPair> Flagged(DuplicateModel model, IEnumerable<ScoredPair> scored, bool bestMatchOnly)
    {
        var flagged = scored.Where(s => s.Probability >= model.Threshold);
        if (bestMatchOnly)
            flagged = flagged.GroupBy(s => s.Later).Select(g => g.OrderByDescending(s => s.Score).ThenBy(s => s.Earlier).First());
        return flagged.OrderBy(s => s.Later).ThenBy(s => s.Earlier).ToList();
    }

    /// <summary>The flagged pairs with reasons and drivers, most probable first.</summary>
    public static List<DuplicateMatch> Explain(DuplicateModel model, IReadOnlyList<PreparedRecord> prepared, IEnumerable<ScoredPair> scored) =>
        scored.Select(s => model.Score(prepared[s.Later], prepared[s.Earlier]))
            .OrderByDescending(m => m.Probability).ThenBy(m => m.IdA, StringComparer.Ordinal).ThenBy(m => m.IdB, StringComparer.Ordinal)
            .ToList();

    /// <summary>Reasons plus the top drivers, as one cell of the output CSV.</summary>
    public static string ReasonText(DuplicateMatch m, int drivers = 4)
    {
        var top = m.Drivers.Take(drivers).Select(d => $"{d.Feature}={d.Value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} ({d.Contribution.ToString("+0.00;-0.00", System.Globalization.CultureInfo.InvariantCulture)})");
        var reasons = string.Join("; ", m.Reasons);
        var driverText = string.Join(", ", top);
        return driverText.Length == 0 ? reasons : $"{reasons}; score driven by {driverText}";
    }
}
