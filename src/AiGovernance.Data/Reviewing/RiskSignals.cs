using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Reviewing;

/// <summary>
/// What a reviewer should see beside a requisition before deciding: the detectors' results, open
/// AI recommendations (document cross-checks among them), the supplier's status and the first sentence
/// of the newest document summary.
/// </summary>
public sealed record RiskSignals(
    Guid RequisitionId,
    double? DuplicateProbability,
    bool DuplicateFlagged,
    bool PriceVarianceFlagged,
    bool SplitPurchaseFlagged,
    int CrossCheckFailures,
    string SupplierName,
    string SupplierStatus,
    string SupplierRisk,
    IReadOnlyList<string> PendingReasons,
    string? SummaryLine)
{
    public bool SupplierNeedsAttention => SupplierStatus != "active" || SupplierRisk == "high";

    /// <summary>Anything a person should look at before approving; bulk approval is only offered without it.</summary>
    public bool HasFlags => DuplicateFlagged || PriceVarianceFlagged || SplitPurchaseFlagged || CrossCheckFailures > 0
        || SupplierNeedsAttention || PendingReasons.Count > 0;

    /// <summary>The one line shown in the queue: a document summary, else the first open recommendation's reason.</summary>
    public string? OneLine => SummaryLine ?? PendingReasons.FirstOrDefault();

    /// <summary>Signals for many requisitions in one round trip (the queue shows up to a few hundred).</summary>
    public static async Task<IReadOnlyDictionary<Guid, RiskSignals>> ForAsync(TenantScope scope, IReadOnlyCollection<Guid> requisitionIds, CancellationToken ct)
    {
        if (requisitionIds.Count == 0) return new Dictionary<Guid, RiskSignals>();
        await using var cmd = scope.Command("""
            SELECT r.id,
                   dup.score, coalesce(dup.flagged, false), coalesce(pv.flagged, false), coalesce(sp.flagged, false),
                   coalesce(rec.cross_checks, 0), s.name, s.status, s.risk_tier, coalesce(rec.reasons, '{}'),
                   doc.line
            FROM requisitions r
            JOIN suppliers s ON s.tenant_id = r.tenant_id AND s.id = r.supplier_id
            LEFT JOIN detection_results dup ON dup.requisition_id = r.id AND dup.detector = 'duplicate'
            LEFT JOIN detection_results pv ON pv.requisition_id = r.id AND pv.detector = 'price-variance'
            LEFT JOIN detection_results sp ON sp.requisition_id = r.id AND sp.detector = 'split-purchase'
            LEFT JOIN LATERAL (
                SELECT count(*) FILTER (WHERE c.producer->>'name' = 'document-cross-check') AS cross_checks,
                       array_agg(coalesce(c.payload->>'reason', c.kind) ORDER BY c.confidence DESC) AS reasons
                FROM recommendations c
                WHERE c.tenant_id = r.tenant_id AND c.subject_type = 'requisition' AND c.subject_id = r.id::text AND c.status = 'pending'
                  AND c.kind IN ('requisition.hold', 'requisition.note')
            ) rec ON true
            LEFT JOIN LATERAL (
                SELECT d.summary->'sentences'->0->>'text' AS line FROM documents d
                WHERE d.requisition_id = r.id AND d.status = 'processed' AND d.summary IS NOT NULL
                ORDER BY d.processed_at DESC LIMIT 1
            ) doc ON true
            WHERE r.id = ANY($1)
            """);
        cmd.Parameters.AddWithValue(requisitionIds.ToArray());
        var map = new Dictionary<Guid, RiskSignals>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            map[r.GetGuid(0)] = new RiskSignals(r.GetGuid(0), r.IsDBNull(1) ? null : r.GetDouble(1), r.GetBoolean(2), r.GetBoolean(3), r.GetBoolean(4),
                (int)r.GetInt64(5), r.GetString(6), r.GetString(7), r.GetString(8), r.GetFieldValue<string[]>(9), r.IsDBNull(10) ? null : r.GetString(10));
        return map;
    }
}
