using AiGovernance.Core.Delegations;
using AiGovernance.Data.Tenancy;
using Npgsql;

namespace AiGovernance.Data.Delegations;

public static class DelegationStore
{
    private const string Columns = "id, delegator_id, delegate_id, valid_from, valid_to, reason";

    /// <summary>Unrevoked delegations of the tenant; the cycle check needs them all, not just one person's.</summary>
    public static async Task<IReadOnlyList<Delegation>> ListOpenAsync(TenantScope scope, CancellationToken ct, bool lockForCycleCheck = false)
    {
        if (lockForCycleCheck)
        {
            // Two delegations created at once could each pass the cycle check alone; serialize them per tenant.
            await using var l = scope.Command("SELECT pg_advisory_xact_lock(hashtext('delegations:' || $1::text))");
            l.Parameters.AddWithValue(scope.TenantId.ToString());
            await l.ExecuteNonQueryAsync(ct);
        }
        await using var cmd = scope.Command($"SELECT {Columns} FROM delegations WHERE revoked_at IS NULL ORDER BY valid_from");
        return await ReadAsync(cmd, ct);
    }

    /// <summary>People who delegated to <paramref name="delegateId"/> and whose window includes now.</summary>
    public static async Task<IReadOnlyList<Delegation>> ActiveForDelegateAsync(TenantScope scope, string delegateId, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = scope.Command($"""
            SELECT {Columns} FROM delegations
            WHERE delegate_id = $1 AND revoked_at IS NULL AND valid_from <= $2 AND valid_to > $2
            """);
        cmd.Parameters.AddWithValue(delegateId);
        cmd.Parameters.AddWithValue(now);
        return await ReadAsync(cmd, ct);
    }

    public static async Task InsertAsync(TenantScope scope, Delegation d, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            INSERT INTO delegations (id, tenant_id, delegator_id, delegate_id, valid_from, valid_to, reason, created_at)
            VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
            """);
        cmd.Parameters.AddWithValue(d.Id);
        cmd.Parameters.AddWithValue(scope.TenantId);
        cmd.Parameters.AddWithValue(d.DelegatorId);
        cmd.Parameters.AddWithValue(d.DelegateId);
        cmd.Parameters.AddWithValue(d.ValidFrom);
        cmd.Parameters.AddWithValue(d.ValidTo);
        cmd.Parameters.AddWithValue((object?)d.Reason ?? DBNull.Value);
        cmd.Parameters.AddWithValue(now);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<Delegation?> RevokeAsync(TenantScope scope, Guid id, string delegatorId, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = scope.Command($"""
            UPDATE delegations SET revoked_at = $3 WHERE id = $1 AND delegator_id = $2 AND revoked_at IS NULL RETURNING {Columns}
            """);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(delegatorId);
        cmd.Parameters.AddWithValue(now);
        return (await ReadAsync(cmd, ct)).FirstOrDefault();
    }

    private static async Task<IReadOnlyList<Delegation>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<Delegation>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new Delegation(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3),
                r.GetFieldValue<DateTimeOffset>(4), r.IsDBNull(5) ? null : r.GetString(5)));
        return list;
    }
}
