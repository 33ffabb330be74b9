using AiGovernance.Data.Tenancy;
using NpgsqlTypes;

namespace AiGovernance.Data.Detection;

/// <summary>The latest result of one detector for one requisition.</summary>
public sealed record DetectionResult(Guid RequisitionId, string Detector, string ModelVersion, double? Score, bool Flagged,
    string DetailsJson, string InputHash, DateTimeOffset ScoredAt);

/// <summary>Detector names as stored; also the names recommendations carry as their producer.</summary>
public static class Detectors
{
    public const string Duplicate = "duplicate";
    public const string SplitPurchase = "split-purchase";
    public const string PriceVariance = "price-variance";
}

public static class DetectionResults
{
    /// <summary>Replaces the detector's previous result: a retried or repeated scoring leaves one row.</summary>
    public static async Task SaveAsync(TenantScope scope, DetectionResult r, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            INSERT INTO detection_results (requisition_id, tenant_id, detector, model_version, score, flagged, details, input_hash, scored_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (requisition_id, detector) DO UPDATE SET model_version = excluded.model_version, score = excluded.score,
                flagged = excluded.flagged, details = excluded.details, input_hash = excluded.input_hash, scored_at = excluded.scored_at
            """);
        var p = cmd.Parameters;
        p.AddWithValue(r.RequisitionId);
        p.AddWithValue(scope.TenantId);
        p.AddWithValue(r.Detector);
        p.AddWithValue(r.ModelVersion);
        p.AddWithValue(r.Score is { } s ? s : DBNull.Value);
        p.AddWithValue(r.Flagged);
        p.Add(new() { Value = r.DetailsJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        p.AddWithValue(r.InputHash);
        p.AddWithValue(r.ScoredAt);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Removes the results of detectors that did not run this time (switched off, model missing): stale scores must not route.</summary>
    public static async Task KeepOnlyAsync(TenantScope scope, Guid requisitionId, IReadOnlyCollection<string> detectors, CancellationToken ct)
    {
        await using var cmd = scope.Command("DELETE FROM detection_results WHERE requisition_id = $1 AND NOT (detector = ANY($2))");
        cmd.Parameters.AddWithValue(requisitionId);
        cmd.Parameters.AddWithValue(detectors.ToArray());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<IReadOnlyList<DetectionResult>> ListAsync(TenantScope scope, Guid requisitionId, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            SELECT requisition_id, detector, model_version, score, flagged, details::text, input_hash, scored_at
            FROM detection_results WHERE requisition_id = $1 ORDER BY detector
            """);
        cmd.Parameters.AddWithValue(requisitionId);
        var list = new List<DetectionResult>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new DetectionResult(r.GetGuid(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetDouble(3),
                r.GetBoolean(4), r.GetString(5), r.GetString(6), r.GetFieldValue<DateTimeOffset>(7)));
        return list;
    }

    /// <summary>The routing signals of the stored results (see <see cref="SignalsOf"/>).</summary>
    public static async Task<DetectionSignals> SignalsAsync(TenantScope scope, Guid requisitionId, CancellationToken ct) =>
        SignalsOf(await ListAsync(scope, requisitionId, ct));

    /// <summary>
    /// <see cref="DetectionResult.Score"/> is each detector's routing value: a probability for duplicates and
    /// split purchases (same procurement review), the largest variance % over the lines for prices.
    /// </summary>
    public static DetectionSignals SignalsOf(IReadOnlyCollection<DetectionResult> results)
    {
        double? Max(params string[] detectors)
        {
            var scores = results.Where(x => detectors.Contains(x.Detector) && x.Score is not null).Select(x => x.Score!.Value).ToList();
            return scores.Count == 0 ? null : scores.Max();
        }
        return new DetectionSignals(Max(Detectors.Duplicate, Detectors.SplitPurchase), Max(Detectors.PriceVariance));
    }
}
