using AiGovernance.Data;
using AiGovernance.Data.Detection;

namespace AiGovernance.Api.Pages.Requisitions;

/// <summary>One earlier requisition the duplicate model compared with (Worker/Detection/DuplicateScoring writes them).</summary>
public sealed record DuplicateMatchShown(string Requisition, Guid? RequisitionId, double Probability, bool Flagged, IReadOnlyList<string> Reasons);

public sealed record DuplicateFinding(DetectionResult Result, int Candidates, double Threshold, IReadOnlyList<DuplicateMatchShown> Matches)
{
    /// <summary>The candidate to show side by side: the best flagged match, else none.</summary>
    public DuplicateMatchShown? Best => Matches.FirstOrDefault(m => m.Flagged);
}

/// <summary>One line's price check (Worker/Detection/PriceScoring writes them; the id is "REQ-…/line").</summary>
public sealed record PriceLineShown(string Id, decimal? ExpectedPrice, double? VariancePct, double Score, bool Flagged, string Basis, string Reason)
{
    public string LineNumber => Id.Split('/')[^1];
}

public sealed record SplitFinding(DetectionResult Result, IReadOnlyList<string> Requisitions, decimal? Total, decimal? Threshold, IReadOnlyList<string> Reasons);

/// <summary>The detectors' latest results for one requisition, with their stored details parsed for people to read.</summary>
public sealed record DetectionFindings(DuplicateFinding? Duplicate, DetectionResult? Price, IReadOnlyList<PriceLineShown> PriceLines, SplitFinding? Split)
{
    private sealed record DuplicateDetails(int Candidates, double Threshold, List<DuplicateMatchShown>? Matches);
    private sealed record PriceDetails(List<PriceLineShown>? Lines);
    private sealed record SplitDetails(List<string>? Requisitions, decimal? Total, decimal? Threshold, List<string>? Reasons);

    public static DetectionFindings From(IReadOnlyList<DetectionResult> results)
    {
        var dup = results.FirstOrDefault(r => r.Detector == Detectors.Duplicate);
        var price = results.FirstOrDefault(r => r.Detector == Detectors.PriceVariance);
        var split = results.FirstOrDefault(r => r.Detector == Detectors.SplitPurchase);
        var d = dup is null ? null : Json.Deserialize<DuplicateDetails>(dup.DetailsJson);
        var s = split is null ? null : Json.Deserialize<SplitDetails>(split.DetailsJson);
        return new DetectionFindings(
            dup is null ? null : new DuplicateFinding(dup, d!.Candidates, d.Threshold, d.Matches ?? []),
            price,
            price is null ? [] : Json.Deserialize<PriceDetails>(price.DetailsJson).Lines ?? [],
            split is null ? null : new SplitFinding(split, s!.Requisitions ?? [], s.Total, s.Threshold, s.Reasons ?? []));
    }
}
