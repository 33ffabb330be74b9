using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;
using NpgsqlTypes;

namespace AiGovernance.Data.Webhooks;

/// <summary>The SQL of ERP-driven requisition changes: the ERP's version and the fields it may change.</summary>
public static class ErpRequisitionStore
{
    /// <summary>Row-locks the requisition with this ERP id, so versions of one requisition apply one at a time.</summary>
    public static async Task<(Guid Id, long? ErpVersion)?> LockByErpIdAsync(TenantScope scope, string externalErpId, CancellationToken ct)
    {
        await using var cmd = scope.Command("SELECT id, erp_version FROM requisitions WHERE external_erp_id = $1 FOR UPDATE");
        cmd.Parameters.AddWithValue(externalErpId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return (r.GetGuid(0), r.IsDBNull(1) ? null : r.GetInt64(1));
    }

    public static async Task SetErpVersionAsync(TenantScope scope, Guid id, long version, CancellationToken ct)
    {
        await using var cmd = scope.Command("UPDATE requisitions SET erp_version = $2 WHERE id = $1");
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(version);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Writes the changed fields, the chain and the ERP version; a null routing keeps the stored routing record.</summary>
    public static async Task SaveAsync(TenantScope scope, Requisition r, string? routingJson, long erpVersion, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            UPDATE requisitions SET needed_by = $2, attachments = $3, lines = $4, amount = $5, amount_base = $6, base_currency = $7,
                policy_version_id = $8, routing = COALESCE($9, routing), steps = $10, status = $11, pending_approvers = $12,
                erp_version = $13, version = version + 1, updated_at = $14, customer_order = $15, promised_date = $16, supplier_stated = $17
            WHERE id = $1 RETURNING version
            """);
        var p = cmd.Parameters;
        p.AddWithValue(r.Id);
        p.AddWithValue(NpgsqlDbType.Date, r.NeededBy is { } d ? d : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Jsonb, Json.Serialize(r.Attachments));
        p.AddWithValue(NpgsqlDbType.Jsonb, Json.Serialize(r.Lines));
        p.AddWithValue(r.Amount);
        p.AddWithValue(r.AmountInBase);
        p.AddWithValue(r.BaseCurrency);
        p.AddWithValue(r.PolicyVersionId);
        p.AddWithValue(NpgsqlDbType.Jsonb, (object?)routingJson ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Jsonb, Json.Serialize(r.Steps));
        p.AddWithValue(r.Status.ToSnakeCase());
        p.AddWithValue(r.PendingApproverKeys().ToArray());
        p.AddWithValue(erpVersion);
        p.AddWithValue(now);
        RequisitionStore.AddCommitment(p, r);
        r.Version = (int)(await cmd.ExecuteScalarAsync(ct))!;
        // A new chain has new due times (or none while held): keep the SLA job in step.
        await Sla.SlaTimers.SyncAsync(scope, r, ct);
    }
}
