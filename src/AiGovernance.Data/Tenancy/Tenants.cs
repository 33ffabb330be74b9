using Npgsql;

namespace AiGovernance.Data.Tenancy;

public sealed record TenantRecord(Guid Id, string Slug, string Name, string BaseCurrency);

/// <summary>Tenant lookups for administrative tools, which connect as the schema owner.</summary>
public static class Tenants
{
    public static async Task<IReadOnlyList<TenantRecord>> ListAsync(NpgsqlConnection ownerConnection, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT id, slug, name, base_currency FROM tenants ORDER BY slug", ownerConnection);
        var list = new List<TenantRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(new TenantRecord(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        return list;
    }

    public static async Task<TenantRecord?> FindAsync(NpgsqlConnection ownerConnection, string slugOrId, CancellationToken ct) =>
        (await ListAsync(ownerConnection, ct)).FirstOrDefault(t => t.Slug == slugOrId || t.Id.ToString() == slugOrId);

    /// <summary>The id of the tenant with this slug, for the application role (see migration 0014); null when there is none.</summary>
    public static async Task<Guid?> IdForSlugAsync(NpgsqlDataSource appDb, string slug, CancellationToken ct)
    {
        await using var cmd = appDb.CreateCommand("SELECT tenant_id_for_slug($1)");
        cmd.Parameters.AddWithValue(slug);
        return await cmd.ExecuteScalarAsync(ct) is Guid id ? id : null;
    }

    /// <summary>Every tenant's id and slug, for the metrics collector running as the application role (see migration 0017).</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Slug)>> ForMonitoringAsync(NpgsqlDataSource appDb, CancellationToken ct)
    {
        await using var cmd = appDb.CreateCommand("SELECT id, slug FROM tenants_for_monitoring()");
        var list = new List<(Guid, string)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add((r.GetGuid(0), r.GetString(1)));
        return list;
    }
}
