using Npgsql;

namespace AiGovernance.Data.Tenancy;

/// <summary>
/// A connection and transaction bound to one tenant: row-level security sees app.tenant_id, set
/// transaction-locally, so a pooled connection never carries a tenant into the next request.
/// </summary>
public sealed class TenantScope : IAsyncDisposable
{
    public Guid TenantId { get; }
    public NpgsqlConnection Connection { get; }
    public NpgsqlTransaction Transaction { get; }

    private TenantScope(Guid tenantId, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        TenantId = tenantId;
        Connection = connection;
        Transaction = transaction;
    }

    public static async Task<TenantScope> BeginAsync(NpgsqlDataSource db, Guid tenantId, CancellationToken ct = default)
    {
        var conn = await db.OpenConnectionAsync(ct);
        try
        {
            var tx = await conn.BeginTransactionAsync(ct);
            await using var cmd = new NpgsqlCommand("SELECT set_config('app.tenant_id', $1, true)", conn, tx);
            cmd.Parameters.AddWithValue(tenantId.ToString());
            await cmd.ExecuteNonQueryAsync(ct);
            return new TenantScope(tenantId, conn, tx);
        }
        catch
        {
            await conn.DisposeAsync();
            throw;
        }
    }

    public NpgsqlCommand Command(string sql)
    {
        var cmd = new NpgsqlCommand(sql, Connection, Transaction);
        return cmd;
    }

    public Task CommitAsync(CancellationToken ct = default) => Transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
