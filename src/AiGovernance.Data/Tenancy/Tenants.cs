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
}
