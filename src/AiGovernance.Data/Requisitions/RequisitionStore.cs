using AiGovernance.Core.Approvals;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace AiGovernance.Data.Requisitions;

/// <summary>A requisition as stored, with its routing record and timestamps.</summary>
public sealed record StoredRequisition(Requisition Requisition, string RoutingJson, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Reads and writes requisitions; the approval chain is one jsonb document per requisition.</summary>
public static class RequisitionStore
{
    private const string Columns = """
        id, tenant_id, number, legal_entity, cost_centre, requester_id, supplier_id, category, currency, urgency,
        needed_by, lines::text, attachments::text, external_erp_id, amount, amount_base, base_currency, status,
        policy_version_id, routing::text, steps::text, version, created_at, updated_at, hold_reasons::text, flags::text, supplier_reference,
        customer_order, promised_date, supplier_stated::text
        """;

    public static async Task<string> NextNumberAsync(TenantScope scope, CancellationToken ct)
    {
        await using var cmd = scope.Command("SELECT nextval('requisition_numbers')");
        return $"REQ-{(long)(await cmd.ExecuteScalarAsync(ct))!:D6}";
    }

    public static async Task InsertAsync(TenantScope scope, Requisition r, string routingJson, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = scope.Command($"""
            INSERT INTO requisitions (id, tenant_id, number, legal_entity, cost_centre, requester_id, supplier_id, category,
                currency, urgency, needed_by, lines, attachments, external_erp_id, amount, amount_base, base_currency, status,
                policy_version_id, routing, steps, pending_approvers, version, created_at, updated_at, supplier_reference,
                customer_order, promised_date, supplier_stated)
            VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,1,$23,$23,$24,$25,$26,$27)
            """);
        var p = cmd.Parameters;
        p.AddWithValue(r.Id);
        p.AddWithValue(r.TenantId);
        p.AddWithValue(r.Number);
        p.AddWithValue(r.LegalEntity);
        p.AddWithValue(r.CostCentre);
        p.AddWithValue(r.RequesterId);
        p.AddWithValue(r.SupplierId);
        p.AddWithValue(r.Category);
        p.AddWithValue(r.Currency);
        p.AddWithValue(r.Urgency.ToSnakeCase());
        p.AddWithValue(r.NeededBy is { } d ? d : DBNull.Value);
        p.Add(Jsonb(Json.Serialize(r.Lines)));
        p.Add(Jsonb(Json.Serialize(r.Attachments)));
        p.AddWithValue((object?)r.ExternalErpId ?? DBNull.Value);
        p.AddWithValue(r.Amount);
        p.AddWithValue(r.AmountInBase);
        p.AddWithValue(r.BaseCurrency);
        p.AddWithValue(r.Status.ToSnakeCase());
        p.AddWithValue(r.PolicyVersionId);
        p.Add(Jsonb(routingJson));
        p.Add(Jsonb(Json.Serialize(r.Steps)));
        p.AddWithValue(r.PendingApproverKeys().ToArray());
        p.AddWithValue(now);
        p.AddWithValue((object?)r.SupplierReference ?? DBNull.Value);
        AddCommitment(p, r);
        await cmd.ExecuteNonQueryAsync(ct);
        await Sla.SlaTimers.SyncAsync(scope, r, ct);
    }

    /// <summary>
    /// Saves a new chain with the routing record that explains it, and what routing read that may have changed: the category
    /// (an accepted category suggestion) and the base amount (routing converts again). Re-routing on detection signals and
    /// re-coding a category both use it.
    /// </summary>
    public static async Task SaveRoutingAsync(TenantScope scope, Requisition r, string routingJson, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            UPDATE requisitions SET policy_version_id = $2, routing = $3, steps = $4, status = $5, pending_approvers = $6,
                version = version + 1, updated_at = $7, category = $8, amount_base = $9, base_currency = $10
            WHERE id = $1 RETURNING version
            """);
        var p = cmd.Parameters;
        p.AddWithValue(r.Id);
        p.AddWithValue(r.PolicyVersionId);
        p.Add(Jsonb(routingJson));
        p.Add(Jsonb(Json.Serialize(r.Steps)));
        p.AddWithValue(r.Status.ToSnakeCase());
        p.AddWithValue(r.PendingApproverKeys().ToArray());
        p.AddWithValue(now);
        p.AddWithValue(r.Category);
        p.AddWithValue(r.AmountInBase);
        p.AddWithValue(r.BaseCurrency);
        r.Version = (int)(await cmd.ExecuteScalarAsync(ct))!;
        await Sla.SlaTimers.SyncAsync(scope, r, ct);
    }

    /// <summary>Loads and row-locks a requisition, so concurrent decisions on it apply one at a time.</summary>
    public static Task<StoredRequisition?> LoadForUpdateAsync(TenantScope scope, Guid id, CancellationToken ct) =>
        LoadAsync(scope, "id = $1 FOR UPDATE", id, ct);

    public static Task<StoredRequisition?> GetAsync(TenantScope scope, Guid id, CancellationToken ct) =>
        LoadAsync(scope, "id = $1", id, ct);

    public static Task<StoredRequisition?> FindByErpIdAsync(TenantScope scope, string externalErpId, CancellationToken ct) =>
        LoadAsync(scope, "external_erp_id = $1", externalErpId, ct);

    public static async Task SaveApprovalStateAsync(TenantScope scope, Requisition r, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            UPDATE requisitions SET status = $2, steps = $3, pending_approvers = $4, hold_reasons = $5, flags = $6,
                version = version + 1, updated_at = $7
            WHERE id = $1 RETURNING version
            """);
        cmd.Parameters.AddWithValue(r.Id);
        cmd.Parameters.AddWithValue(r.Status.ToSnakeCase());
        cmd.Parameters.Add(Jsonb(Json.Serialize(r.Steps)));
        cmd.Parameters.AddWithValue(r.PendingApproverKeys().ToArray());
        cmd.Parameters.Add(Jsonb(Json.Serialize(r.HoldReasons)));
        cmd.Parameters.Add(Jsonb(Json.Serialize(r.Flags)));
        cmd.Parameters.AddWithValue(now);
        r.Version = (int)(await cmd.ExecuteScalarAsync(ct))!;
        // A hold stops the SLA clock, a release or a new step starts it.
        await Sla.SlaTimers.SyncAsync(scope, r, ct);
    }

    /// <summary>Pending requisitions whose open slots admit any of the given queue keys.</summary>
    public static async Task<IReadOnlyList<StoredRequisition>> QueueAsync(TenantScope scope, IReadOnlyList<string> keys, int limit, CancellationToken ct)
    {
        await using var cmd = scope.Command($"""
            SELECT {Columns} FROM requisitions
            WHERE status = 'pending_approval' AND pending_approvers && $1
            ORDER BY created_at LIMIT $2
            """);
        cmd.Parameters.AddWithValue(keys.ToArray());
        cmd.Parameters.AddWithValue(limit);
        return await ReadAllAsync(cmd, ct);
    }

    public static async Task<IReadOnlyList<StoredRequisition>> ListAsync(TenantScope scope, string? status, string? requesterId, int limit, CancellationToken ct)
    {
        await using var cmd = scope.Command($"""
            SELECT {Columns} FROM requisitions
            WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR requester_id = $2)
            ORDER BY created_at DESC LIMIT $3
            """);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)status ?? DBNull.Value);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)requesterId ?? DBNull.Value);
        cmd.Parameters.AddWithValue(limit);
        return await ReadAllAsync(cmd, ct);
    }

    public static async Task InsertDecisionAsync(TenantScope scope, Guid requisitionId, DecisionOutcome o, DateTimeOffset at, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            INSERT INTO approval_decisions (tenant_id, requisition_id, step_index, slot_index, decision, actor_id, on_behalf_of, comment, decided_at)
            VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
            """);
        cmd.Parameters.AddWithValue(scope.TenantId);
        cmd.Parameters.AddWithValue(requisitionId);
        cmd.Parameters.AddWithValue(o.StepIndex);
        cmd.Parameters.AddWithValue(o.SlotIndex is { } s ? s : DBNull.Value);
        cmd.Parameters.AddWithValue(o.Kind.ToSnakeCase());
        cmd.Parameters.AddWithValue(o.ActorId);
        cmd.Parameters.AddWithValue((object?)o.OnBehalfOf ?? DBNull.Value);
        cmd.Parameters.AddWithValue((object?)o.Comment ?? DBNull.Value);
        cmd.Parameters.AddWithValue(at);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<StoredRequisition?> LoadAsync(TenantScope scope, string where, object arg, CancellationToken ct)
    {
        await using var cmd = scope.Command($"SELECT {Columns} FROM requisitions WHERE {where}");
        cmd.Parameters.AddWithValue(arg);
        var all = await ReadAllAsync(cmd, ct);
        return all.Count == 0 ? null : all[0];
    }

    private static async Task<IReadOnlyList<StoredRequisition>> ReadAllAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<StoredRequisition>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            EnumNames.TryParseSnake<Urgency>(r.GetString(9), out var urgency);
            EnumNames.TryParseSnake<RequisitionStatus>(r.GetString(17), out var status);
            var req = new Requisition
            {
                Id = r.GetGuid(0),
                TenantId = r.GetGuid(1),
                Number = r.GetString(2),
                LegalEntity = r.GetString(3),
                CostCentre = r.GetString(4),
                RequesterId = r.GetString(5),
                SupplierId = r.GetString(6),
                Category = r.GetString(7),
                Currency = r.GetString(8),
                Urgency = urgency,
                NeededBy = r.IsDBNull(10) ? null : r.GetFieldValue<DateOnly>(10),
                Lines = Json.Deserialize<List<RequisitionLine>>(r.GetString(11)),
                Attachments = Json.Deserialize<List<RequisitionAttachment>>(r.GetString(12)),
                ExternalErpId = r.IsDBNull(13) ? null : r.GetString(13),
                Amount = r.GetDecimal(14),
                AmountInBase = r.GetDecimal(15),
                BaseCurrency = r.GetString(16),
                Status = status,
                PolicyVersionId = r.GetInt64(18),
                Steps = Json.Deserialize<List<ApprovalStep>>(r.GetString(20)),
                Version = r.GetInt32(21),
                HoldReasons = Json.Deserialize<List<AiGovernance.Core.Checks.CheckReason>>(r.GetString(24)),
                Flags = Json.Deserialize<List<AiGovernance.Core.Checks.CheckReason>>(r.GetString(25)),
                SupplierReference = r.IsDBNull(26) ? null : r.GetString(26),
                CustomerOrder = r.IsDBNull(27) ? null : r.GetString(27),
                PromisedDate = r.IsDBNull(28) ? null : r.GetFieldValue<DateOnly>(28),
                StatedSupplier = r.IsDBNull(29) ? null : Json.Deserialize<StatedSupplier>(r.GetString(29)),
            };
            list.Add(new StoredRequisition(req, r.GetString(19), r.GetFieldValue<DateTimeOffset>(22), r.GetFieldValue<DateTimeOffset>(23)));
        }
        return list;
    }

    /// <summary>Customer order, promised date and the stated supplier (normalized jsonb), in that order; ERP updates write them too.</summary>
    public static void AddCommitment(NpgsqlParameterCollection p, Requisition r)
    {
        p.AddWithValue(NpgsqlDbType.Text, (object?)r.CustomerOrder ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Date, r.PromisedDate is { } promised ? promised : DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Jsonb, r.StatedSupplier?.Normalized() is { } stated ? Json.Serialize(stated) : DBNull.Value);
    }

    private static NpgsqlParameter Jsonb(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb };
}
