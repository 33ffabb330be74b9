using AiGovernance.Core.Checks;
using AiGovernance.Data.Tenancy;
using NpgsqlTypes;

namespace AiGovernance.Data.Directory;

/// <summary>The supplier master's VAT id and IBAN (stored compact, upper-case), which stated supplier details are compared with.</summary>
public static class SupplierIdentifiers
{
    public sealed record Identifiers(string? VatId, string? Iban);

    /// <summary>The master record to compare with; null when the supplier does not exist.</summary>
    public static async Task<SupplierMasterRecord?> GetMasterAsync(TenantScope scope, string supplierId, CancellationToken ct)
    {
        await using var cmd = scope.Command("SELECT id, name, vat_id, iban FROM suppliers WHERE id = $1");
        cmd.Parameters.AddWithValue(supplierId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new SupplierMasterRecord(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3));
    }

    /// <summary>Every supplier's identifiers, keyed by supplier id (for lists).</summary>
    public static async Task<IReadOnlyDictionary<string, Identifiers>> AllAsync(TenantScope scope, CancellationToken ct)
    {
        await using var cmd = scope.Command("SELECT id, vat_id, iban FROM suppliers");
        var result = new Dictionary<string, Identifiers>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            result[r.GetString(0)] = new Identifiers(r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2));
        return result;
    }

    /// <summary>Sets both (null clears one); the caller has validated them and logs the change in the same transaction.</summary>
    public static async Task SetAsync(TenantScope scope, string supplierId, Identifiers value, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = scope.Command("UPDATE suppliers SET vat_id = $2, iban = $3, updated_at = $4 WHERE id = $1");
        cmd.Parameters.AddWithValue(supplierId);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, value.VatId is { } v ? SupplierMasterIdentifiers.Compact(v) : DBNull.Value);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, value.Iban is { } i ? SupplierMasterIdentifiers.Compact(i) : DBNull.Value);
        cmd.Parameters.AddWithValue(now);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
