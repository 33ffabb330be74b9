using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Tenancy;
using Pgvector;

namespace AiGovernance.Data.Detection;

/// <summary>An earlier requisition the duplicate model compares a new one with.</summary>
public sealed record CandidateRequisition(Guid Id, string Number, string SupplierId, string SupplierName, string? SupplierReference,
    IReadOnlyList<RequisitionLine> Lines, decimal AmountInBase, string BaseCurrency, DateTimeOffset CreatedAt, string RequesterId,
    string CostCentre, string Status, float[]? Embedding);

/// <summary>
/// Candidate retrieval within the tenant: the nearest descriptions (HNSW, cosine), plus blocking on the
/// same supplier within the amount and date windows, plus the same normalized supplier reference.
/// Rejected requisitions are not candidates: repeating a refused purchase is not paying twice.
/// </summary>
public static class DuplicateCandidates
{
    public const int NearestNeighbours = 20;
    public const int BlockLimit = 50;
    public static readonly TimeSpan Window = TimeSpan.FromDays(180);

    /// <summary>Upper-case letters and digits only, as the SQL blocking key computes it.</summary>
    public static string? ReferenceKey(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference)) return null;
        var key = new string(reference.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray()).TrimStart('0');
        return key.Length == 0 ? null : key;
    }

    public static async Task<IReadOnlyList<CandidateRequisition>> LoadAsync(TenantScope scope, Requisition r, float[]? embedding, string? embeddingModel,
        DateTimeOffset now, CancellationToken ct)
    {
        // pgvector 0.8: keep scanning the HNSW graph until enough rows pass the tenant filter.
        await using (var set = scope.Command("SET LOCAL hnsw.iterative_scan = relaxed_order")) await set.ExecuteNonQueryAsync(ct);
        await using var cmd = scope.Command($"""
            WITH nn AS (
                SELECT e.requisition_id AS id FROM requisition_embeddings e
                WHERE $7::vector IS NOT NULL AND e.tenant_id = $1 AND e.model_id = $8 AND e.requisition_id <> $2
                ORDER BY e.embedding <=> $7::vector LIMIT {NearestNeighbours}
            ), blocked AS (
                SELECT id FROM requisitions
                WHERE tenant_id = $1 AND id <> $2 AND created_at >= $5
                  AND ((supplier_id = $3 AND amount_base BETWEEN $4 * 0.5 AND $4 * 2)
                       OR ($6::text IS NOT NULL AND ltrim(regexp_replace(upper(supplier_reference), '[^A-Z0-9]', '', 'g'), '0') = $6))
                ORDER BY created_at DESC LIMIT {BlockLimit}
            )
            SELECT {SelectColumns}
            FROM requisitions r
            JOIN suppliers s ON s.tenant_id = r.tenant_id AND s.id = r.supplier_id
            LEFT JOIN requisition_embeddings e ON e.requisition_id = r.id AND e.model_id = $8
            WHERE r.tenant_id = $1 AND r.status <> 'rejected' AND r.id IN (SELECT id FROM nn UNION SELECT id FROM blocked)
            """);
        var p = cmd.Parameters;
        p.AddWithValue(scope.TenantId);
        p.AddWithValue(r.Id);
        p.AddWithValue(r.SupplierId);
        p.AddWithValue(r.AmountInBase);
        p.AddWithValue(now - Window);
        p.AddWithValue((object?)ReferenceKey(r.SupplierReference) ?? DBNull.Value);
        p.AddWithValue(embedding is null ? DBNull.Value : new Vector(embedding));
        p.AddWithValue((object?)embeddingModel ?? "");
        return await ReadAsync(cmd, ct);
    }

    /// <summary>
    /// Split-purchase candidates: the same supplier, from the same requester or cost centre, within the
    /// window — whatever their amounts, since each part of a split is small on purpose.
    /// </summary>
    public static async Task<IReadOnlyList<CandidateRequisition>> SameSupplierRecentAsync(TenantScope scope, Requisition r, TimeSpan window,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = scope.Command($"""
            SELECT {SelectColumns}
            FROM requisitions r
            JOIN suppliers s ON s.tenant_id = r.tenant_id AND s.id = r.supplier_id
            LEFT JOIN requisition_embeddings e ON e.requisition_id = r.id AND e.model_id = ''
            WHERE r.tenant_id = $1 AND r.id <> $2 AND r.supplier_id = $3 AND (r.requester_id = $4 OR r.cost_centre = $5)
              AND r.created_at >= $6 AND r.status <> 'rejected'
            ORDER BY r.created_at DESC LIMIT {BlockLimit}
            """);
        var p = cmd.Parameters;
        p.AddWithValue(scope.TenantId);
        p.AddWithValue(r.Id);
        p.AddWithValue(r.SupplierId);
        p.AddWithValue(r.RequesterId);
        p.AddWithValue(r.CostCentre);
        p.AddWithValue(now - window);
        return await ReadAsync(cmd, ct);
    }

    private const string SelectColumns = """
        r.id, r.number, r.supplier_id, s.name, r.supplier_reference, r.lines::text, r.amount_base, r.base_currency,
        r.created_at, r.requester_id, r.cost_centre, r.status, e.embedding
        """;

    private static async Task<IReadOnlyList<CandidateRequisition>> ReadAsync(Npgsql.NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<CandidateRequisition>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            list.Add(new CandidateRequisition(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), Json.Deserialize<List<RequisitionLine>>(reader.GetString(5)),
                reader.GetDecimal(6), reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8), reader.GetString(9), reader.GetString(10),
                reader.GetString(11), reader.IsDBNull(12) ? null : reader.GetFieldValue<Vector>(12).ToArray()));
        return list;
    }
}
