using AiGovernance.Data.Tenancy;
using NpgsqlTypes;

namespace AiGovernance.Data.Detection;

/// <summary>One historical purchase line.</summary>
public sealed record PriceHistoryLine(string Item, string? Description, string Supplier, decimal Quantity, string? Uom, decimal UnitPrice,
    string? Currency, DateOnly PurchasedOn);

/// <summary>
/// The purchase history the price-variance model compares with. Bulk import is binary COPY (one
/// round trip for any number of lines); lookups use the (tenant, item, date) index.
/// </summary>
public static class PriceHistory
{
    public const int MaxLinesPerItem = 500;

    /// <summary>
    /// Imports lines in the caller's transaction; all or nothing. Returns the number written. PostgreSQL
    /// refuses COPY into a table under row-level security, so the lines are copied into a temporary
    /// table first and moved with one INSERT … SELECT, which the tenant policy checks row by row.
    /// </summary>
    public static async Task<long> ImportAsync(TenantScope scope, IEnumerable<PriceHistoryLine> lines, string source, CancellationToken ct,
        IProgress<long>? progress = null)
    {
        await using (var create = scope.Command("""
            CREATE TEMP TABLE IF NOT EXISTS price_history_import (LIKE price_history INCLUDING DEFAULTS) ON COMMIT DROP
            """))
            await create.ExecuteNonQueryAsync(ct);
        var n = await CopyAsync(scope, "price_history_import", lines, source, ct, progress);
        await using var move = scope.Command("""
            INSERT INTO price_history (tenant_id, item, description, supplier, quantity, uom, unit_price, currency, purchased_on, source)
            SELECT tenant_id, item, description, supplier, quantity, uom, unit_price, currency, purchased_on, source FROM price_history_import;
            TRUNCATE price_history_import
            """);
        await move.ExecuteNonQueryAsync(ct);
        return n;
    }

    /// <summary>Binary COPY of the lines into <paramref name="table"/> (a table without row-level security).</summary>
    public static async Task<long> CopyAsync(TenantScope scope, string table, IEnumerable<PriceHistoryLine> lines, string source, CancellationToken ct,
        IProgress<long>? progress = null)
    {
        await using var writer = await scope.Connection.BeginBinaryImportAsync(
            $"COPY {table} (tenant_id, item, description, supplier, quantity, uom, unit_price, currency, purchased_on, source) FROM STDIN (FORMAT BINARY)", ct);
        long n = 0;
        foreach (var l in lines)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(scope.TenantId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(l.Item, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(writer, l.Description, ct);
            await writer.WriteAsync(l.Supplier, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(l.Quantity, NpgsqlDbType.Numeric, ct);
            await WriteNullableAsync(writer, l.Uom, ct);
            await writer.WriteAsync(l.UnitPrice, NpgsqlDbType.Numeric, ct);
            await WriteNullableAsync(writer, l.Currency, ct);
            await writer.WriteAsync(l.PurchasedOn, NpgsqlDbType.Date, ct);
            await writer.WriteAsync(source, NpgsqlDbType.Text, ct);
            if (++n % 50_000 == 0) progress?.Report(n);
        }
        await writer.CompleteAsync(ct);
        progress?.Report(n);
        return n;
    }

    private static Task WriteNullableAsync(Npgsql.NpgsqlBinaryImporter writer, string? value, CancellationToken ct) =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, NpgsqlDbType.Text, ct);

    /// <summary>
    /// For each item, its lines dated before <paramref name="before"/> within the look-back, newest first
    /// (at most <see cref="MaxLinesPerItem"/> each) — one round trip for all of a requisition's lines.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, List<PriceHistoryLine>>> ForItemsAsync(TenantScope scope, IReadOnlyCollection<string> items,
        DateOnly before, int lookBackDays, CancellationToken ct)
    {
        await using var cmd = scope.Command($"""
            SELECT h.item, h.description, h.supplier, h.quantity, h.uom, h.unit_price, h.currency, h.purchased_on
            FROM unnest($2::text[]) AS i(item)
            CROSS JOIN LATERAL (
                SELECT item, description, supplier, quantity, uom, unit_price, currency, purchased_on FROM price_history
                WHERE tenant_id = $1 AND item = i.item AND purchased_on < $3 AND purchased_on >= $4
                ORDER BY purchased_on DESC LIMIT {MaxLinesPerItem}) h
            """);
        cmd.Parameters.AddWithValue(scope.TenantId);
        cmd.Parameters.AddWithValue(items.Distinct(StringComparer.Ordinal).ToArray());
        cmd.Parameters.AddWithValue(before);
        cmd.Parameters.AddWithValue(before.AddDays(-lookBackDays));
        var map = items.Distinct(StringComparer.Ordinal).ToDictionary(i => i, _ => new List<PriceHistoryLine>(), StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            map[r.GetString(0)].Add(new PriceHistoryLine(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetDecimal(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.GetDecimal(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetFieldValue<DateOnly>(7)));
        return map;
    }

    /// <summary>The contract prices (with their currency) agreed with the supplier for the items on the given day; items without one are absent.</summary>
    public static async Task<IReadOnlyDictionary<string, (decimal Price, string Currency)>> ContractPricesAsync(TenantScope scope, string supplierId, IReadOnlyCollection<string> items,
        DateOnly on, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            SELECT DISTINCT ON (item) item, unit_price, currency FROM contract_prices
            WHERE tenant_id = $1 AND supplier_id = $2 AND item = ANY($3) AND valid_from <= $4 AND (valid_to IS NULL OR valid_to >= $4)
            ORDER BY item, valid_from DESC
            """);
        cmd.Parameters.AddWithValue(scope.TenantId);
        cmd.Parameters.AddWithValue(supplierId);
        cmd.Parameters.AddWithValue(items.Distinct(StringComparer.Ordinal).ToArray());
        cmd.Parameters.AddWithValue(on);
        var map = new Dictionary<string, (decimal, string)>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) map[r.GetString(0)] = (r.GetDecimal(1), r.GetString(2).Trim());
        return map;
    }

    /// <summary>An approved requisition's lines become history (one statement, in the approving transaction).</summary>
    public static async Task AppendApprovedAsync(TenantScope scope, Core.Requisitions.Requisition r, DateOnly on, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            INSERT INTO price_history (tenant_id, item, description, supplier, quantity, uom, unit_price, currency, purchased_on, source)
            SELECT $1, l.item_code, l.description, $2, l.quantity, l.unit_of_measure, l.unit_price, $3, $4, $5
            FROM jsonb_to_recordset($6::jsonb) AS l(item_code text, description text, quantity numeric, unit_of_measure text, unit_price numeric)
            """);
        cmd.Parameters.AddWithValue(scope.TenantId);
        cmd.Parameters.AddWithValue(r.SupplierId);
        cmd.Parameters.AddWithValue(r.Currency);
        cmd.Parameters.AddWithValue(on);
        cmd.Parameters.AddWithValue($"requisition:{r.Number}");
        cmd.Parameters.Add(new() { Value = Json.Serialize(r.Lines), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
