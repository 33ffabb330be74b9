using Npgsql;

namespace AiGovernance.Api.Tests.Infrastructure;

/// <summary>Rewrites a decision log entry behind the application's back, for the tests that must see tampering detected.</summary>
public static class DecisionLogTampering
{
    /// <summary>What an attacker with superuser rights would do: switch the guard off, rewrite, switch it on again.</summary>
    public static async Task TamperAsync(ApiFixture fixture, long seq)
    {
        // A named pool: an unnamed one would publish the connection string as a label on /metrics (MetricsEndpointTests).
        await using var source = new NpgsqlDataSourceBuilder(fixture.SuperConnectionString) { Name = "test-superuser" }.Build();
        await using var conn = await source.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var disable = new NpgsqlCommand("ALTER TABLE decision_log DISABLE TRIGGER decision_log_no_update", conn, tx))
            await disable.ExecuteNonQueryAsync();
        await using (var update = new NpgsqlCommand("UPDATE decision_log SET payload = payload || '{\"tampered\": true}'::jsonb WHERE seq = $1", conn, tx))
        {
            update.Parameters.AddWithValue(seq);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }
        await using (var enable = new NpgsqlCommand("ALTER TABLE decision_log ENABLE TRIGGER decision_log_no_update", conn, tx))
            await enable.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }
}
