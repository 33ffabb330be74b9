using System.Globalization;
using AiGovernance.Core.Recommendations;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data;
using AiGovernance.Data.Detection;
using AiGovernance.Data.Tenancy;
using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.Embeddings;

namespace AiGovernance.Worker.Detection;

/// <summary>
/// Duplicate and split-purchase scoring of one requisition against the tenant's earlier ones. The
/// requisition number is the record id, so reasons read "probable duplicate of REQ-001042".
/// </summary>
public static class DuplicateScoring
{
    /// <summary>What is embedded and compared: the line descriptions joined, the same for a new requisition and its candidates.</summary>
    public static string DescriptionOf(IEnumerable<RequisitionLine> lines) => string.Join("; ", lines.Select(l => l.Description.Trim()).Where(d => d.Length > 0));

    public static DuplicateRecord ToRecord(Requisition r, string supplierName, DateTimeOffset createdAt, float[]? embedding) =>
        new(r.Number, supplierName, r.SupplierId, r.SupplierReference, DescriptionOf(r.Lines), r.AmountInBase, r.BaseCurrency,
            DateOnly.FromDateTime(createdAt.UtcDateTime), r.RequesterId, r.CostCentre, r.Lines.Select(l => l.ItemCode).ToList())
        { Embedding = embedding };

    public static DuplicateRecord ToRecord(CandidateRequisition c) =>
        new(c.Number, c.SupplierName, c.SupplierId, c.SupplierReference, DescriptionOf(c.Lines),
            c.AmountInBase, c.BaseCurrency, DateOnly.FromDateTime(c.CreatedAt.UtcDateTime), c.RequesterId, c.CostCentre,
            c.Lines.Select(l => l.ItemCode).ToList())
        { Embedding = c.Embedding };

    public static async Task<DetectorRun> DuplicateAsync(TenantScope scope, Requisition r, DuplicateRecord record, ITextEmbedder embedder,
        DuplicateModel model, string inputHash, int lifetimeHours, DateTimeOffset now, CancellationToken ct)
    {
        var candidates = await DuplicateCandidates.LoadAsync(scope, r, record.Embedding, embedder.ModelId, now, ct);
        var byNumber = candidates.ToDictionary(c => c.Number, StringComparer.Ordinal);
        var matches = model.ScoreAll(record, candidates.Select(ToRecord)).Take(3).ToList();
        var best = matches.FirstOrDefault();
        var details = new
        {
            candidates = candidates.Count,
            threshold = model.Threshold,
            matches = matches.Select(m => new
            {
                requisition = m.IdB,
                requisition_id = byNumber.TryGetValue(m.IdB, out var c) ? c.Id : (Guid?)null,
                probability = Math.Round(m.Probability, 4),
                m.Flagged,
                m.Reasons,
                drivers = m.Drivers.Take(5),
            }),
        };
        var result = new DetectionResult(r.Id, Detectors.Duplicate, model.Version, best?.Probability ?? 0, best?.Flagged ?? false,
            Json.Serialize(details), inputHash, now);
        if (best is not { Flagged: true }) return new DetectorRun(result, null);

        var reason = string.Create(CultureInfo.InvariantCulture, $"hold as probable duplicate of {best.IdB}, p = {best.Probability:0.00}");
        var evidence = matches.Where(m => m.Flagged).Select(m => new EvidenceRef("requisition", m.IdB, string.Join("; ", m.Reasons))).ToList();
        return new DetectorRun(result, DetectorRun.Hold(r.Id, Detectors.Duplicate, model.Version, reason, best.Probability, details, evidence,
            inputHash, lifetimeHours));
    }

    public static async Task<DetectorRun> SplitPurchaseAsync(TenantScope scope, Requisition r, DuplicateRecord record,
        IReadOnlyList<decimal> thresholds, TimeSpan window, string inputHash, int lifetimeHours, DateTimeOffset now, CancellationToken ct)
    {
        var recent = await DuplicateCandidates.SameSupplierRecentAsync(scope, r, window, now, ct);
        var finding = SplitPurchaseDetector.Find(record, recent.Select(ToRecord).ToList(), thresholds, window);
        var details = finding is null
            ? (object)new { recent = recent.Count, thresholds, window_days = window.TotalDays }
            : new { recent = recent.Count, requisitions = finding.Ids, total = finding.Total, threshold = finding.Threshold, reasons = finding.Reasons };
        // Rule-based: the pattern either holds or not, so the routing signal is 1 or 0.
        var result = new DetectionResult(r.Id, Detectors.SplitPurchase, "rules", finding is null ? 0 : 1, finding is not null,
            Json.Serialize(details), inputHash, now);
        if (finding is null) return new DetectorRun(result, null);

        var others = finding.Ids.Where(id => id != r.Number).ToList();
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"hold as a probable split purchase with {string.Join(", ", others)}: together {finding.Total:N2} {r.BaseCurrency}, over the {finding.Threshold:N2} {r.BaseCurrency} threshold");
        var evidence = others.Select(id => new EvidenceRef("requisition", id, string.Join(" ", finding.Reasons))).ToList();
        return new DetectorRun(result, DetectorRun.Hold(r.Id, Detectors.SplitPurchase, "rules", reason, 0.9, details, evidence, inputHash, lifetimeHours));
    }
}
