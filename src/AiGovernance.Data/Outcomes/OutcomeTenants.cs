using Npgsql;

namespace AiGovernance.Data.Outcomes;

/// <summary>A tenant as the outcome export sees it: whether its reviewers' decisions may become training data.</summary>
public sealed record OutcomeTenant(Guid Id, string Slug, bool TrainingOptOut);

/// <summary>
/// Tenant consent for training, read and changed with the owner connection: the tenants table is not
/// forced under row-level security for the owner, every other table is (so exports open a tenant scope per tenant).
/// </summary>
public static class OutcomeTenants
{
    public static async Task<IReadOnlyList<OutcomeTenant>> ListAsync(NpgsqlDataSource owner, CancellationToken ct)
    {
        await using var conn = await owner.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT id, slug, training_opt_out FROM tenants ORDER BY slug", conn);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<OutcomeTenant>();
        while (await r.ReadAsync(ct)) list.Add(new OutcomeTenant(r.GetGuid(0), r.GetString(1), r.GetBoolean(2)));
        return list;
    }

    /// <returns>False when no tenant has that id.</returns>
    public static async Task<bool> SetOptOutAsync(NpgsqlDataSource owner, Guid tenantId, bool optOut, CancellationToken ct)
    {
        await using var conn = await owner.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("UPDATE tenants SET training_opt_out = $2 WHERE id = $1", conn);
        cmd.Parameters.AddWithValue(tenantId);
        cmd.Parameters.AddWithValue(optOut);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }
}
