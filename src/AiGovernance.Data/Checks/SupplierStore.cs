using AiGovernance.Core.Checks;
using AiGovernance.Data.Tenancy;
using NpgsqlTypes;

namespace AiGovernance.Data.Checks;

/// <summary>A supplier as the master-data API shows it.</summary>
public sealed record SupplierRecord(string Id, string Name, string RiskTier, string Status, string? StatusReason, long StatusVersion,
    DateTimeOffset UpdatedAt, IReadOnlyList<SupplierDocument> Documents)
{
    public SupplierSnapshot ToSnapshot() => new(Id, Name, Status, StatusReason, RiskTier, Documents);
}

/// <summary>Supplier master rows and their compliance documents.</summary>
public static class SupplierStore
{
    private const string Columns = "id, name, risk_tier, status, status_reason, status_version, updated_at";

    public static async Task<IReadOnlyList<SupplierRecord>> ListAsync(TenantScope scope, string? status, CancellationToken ct)
    {
        await using var cmd = scope.Command($"SELECT {Columns} FROM suppliers WHERE $1::text IS NULL OR status = $1 ORDER BY id");
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)status ?? DBNull.Value);
        return await ReadAsync(scope, cmd, ct);
    }

    /// <summary>The supplier with its documents; <paramref name="forUpdate"/> locks the row so status changes apply one at a time.</summary>
    public static async Task<SupplierRecord?> GetAsync(TenantScope scope, string id, bool forUpdate, CancellationToken ct)
    {
        await using var cmd = scope.Command($"SELECT {Columns} FROM suppliers WHERE id = $1{(forUpdate ? " FOR UPDATE" : "")}");
        cmd.Parameters.AddWithValue(id);
        return (await ReadAsync(scope, cmd, ct)).FirstOrDefault();
    }

    public static async Task SetStatusAsync(TenantScope scope, string id, string status, string? reason, long version, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var cmd = scope.Command(
            "UPDATE suppliers SET status = $2, status_reason = $3, status_version = $4, updated_at = $5 WHERE id = $1");
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(status);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)reason ?? DBNull.Value);
        cmd.Parameters.AddWithValue(version);
        cmd.Parameters.AddWithValue(now);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task UpsertDocumentAsync(TenantScope scope, string supplierId, SupplierDocument doc, DateTimeOffset now, CancellationToken ct)
    {
        await using (var cmd = scope.Command("""
            INSERT INTO supplier_documents (tenant_id, supplier_id, kind, reference, expires_on) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (tenant_id, supplier_id, kind) DO UPDATE SET reference = excluded.reference, expires_on = excluded.expires_on
            """))
        {
            cmd.Parameters.AddWithValue(scope.TenantId);
            cmd.Parameters.AddWithValue(supplierId);
            cmd.Parameters.AddWithValue(doc.Kind);
            cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)doc.Reference ?? DBNull.Value);
            cmd.Parameters.AddWithValue(NpgsqlDbType.Date, doc.ExpiresOn is { } d ? d : DBNull.Value);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await using var touch = scope.Command("UPDATE suppliers SET updated_at = $2 WHERE id = $1");
        touch.Parameters.AddWithValue(supplierId);
        touch.Parameters.AddWithValue(now);
        await touch.ExecuteNonQueryAsync(ct);
    }

    private static async Task<IReadOnlyList<SupplierRecord>> ReadAsync(TenantScope scope, Npgsql.NpgsqlCommand cmd, CancellationToken ct)
    {
        var rows = new List<(string Id, string Name, string Tier, string Status, string? Reason, long Version, DateTimeOffset At)>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
                rows.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetInt64(5),
                    r.GetFieldValue<DateTimeOffset>(6)));
        }
        var docs = await DocumentsAsync(scope, rows.Select(x => x.Id).ToArray(), ct);
        return rows.Select(x => new SupplierRecord(x.Id, x.Name, x.Tier, x.Status, x.Reason, x.Version, x.At,
            docs.TryGetValue(x.Id, out var d) ? d : [])).ToList();
    }

    private static async Task<Dictionary<string, List<SupplierDocument>>> DocumentsAsync(TenantScope scope, string[] ids, CancellationToken ct)
    {
        var result = new Dictionary<string, List<SupplierDocument>>(StringComparer.Ordinal);
        if (ids.Length == 0) return result;
        await using var cmd = scope.Command(
            "SELECT supplier_id, kind, reference, expires_on FROM supplier_documents WHERE supplier_id = ANY($1) ORDER BY supplier_id, kind");
        cmd.Parameters.AddWithValue(ids);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            if (!result.TryGetValue(r.GetString(0), out var list)) result[r.GetString(0)] = list = [];
            list.Add(new SupplierDocument(r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3)));
        }
        return result;
    }

    /// <summary>Where document requests to the supplier go (the follow-up agent); null when none is on file.</summary>
    public static async Task<string?> ContactEmailAsync(TenantScope scope, string id, CancellationToken ct)
    {
        await using var cmd = scope.Command("SELECT contact_email FROM suppliers WHERE id = $1");
        cmd.Parameters.AddWithValue(id);
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    public static async Task SetContactEmailAsync(TenantScope scope, string id, string? email, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = scope.Command("UPDATE suppliers SET contact_email = $2, updated_at = $3 WHERE id = $1");
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = (object?)email ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.AddWithValue(now);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
