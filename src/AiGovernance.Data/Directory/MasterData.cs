using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Directory;

/// <summary>The master data a submission is checked and routed against, fetched in one round trip.</summary>
public sealed record SubmissionContext(
    bool LegalEntityExists,
    string? CostCentreLegalEntity,
    string? CostCentreOwner,
    string? SupplierRiskTier,
    string? SupplierStatus,
    bool RequesterExists);

public sealed record UserRecord(string Id, string Name, string Email, IReadOnlyList<string> Roles, bool Active);

public static class MasterData
{
    public static async Task<SubmissionContext> LoadSubmissionContextAsync(TenantScope scope, string legalEntity, string costCentre,
        string supplierId, string requesterId, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            SELECT EXISTS (SELECT 1 FROM legal_entities WHERE code = $1),
                   (SELECT legal_entity FROM cost_centres WHERE code = $2),
                   (SELECT owner_id FROM cost_centres WHERE code = $2),
                   (SELECT risk_tier FROM suppliers WHERE id = $3),
                   (SELECT status FROM suppliers WHERE id = $3),
                   EXISTS (SELECT 1 FROM app_users WHERE id = $4 AND active)
            """);
        cmd.Parameters.AddWithValue(legalEntity);
        cmd.Parameters.AddWithValue(costCentre);
        cmd.Parameters.AddWithValue(supplierId);
        cmd.Parameters.AddWithValue(requesterId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new SubmissionContext(r.GetBoolean(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
            r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetBoolean(5));
    }

    public static async Task<UserRecord?> GetUserAsync(TenantScope scope, string id, CancellationToken ct) =>
        (await GetUsersAsync(scope, [id], ct)).FirstOrDefault();

    public static async Task<IReadOnlyList<UserRecord>> GetUsersAsync(TenantScope scope, IReadOnlyList<string>? ids, CancellationToken ct)
    {
        await using var cmd = scope.Command("SELECT id, name, email, roles, active FROM app_users WHERE $1::text[] IS NULL OR id = ANY($1) ORDER BY id");
        cmd.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, (object?)ids?.ToArray() ?? DBNull.Value);
        var list = new List<UserRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new UserRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<string[]>(3), r.GetBoolean(4)));
        return list;
    }
}
