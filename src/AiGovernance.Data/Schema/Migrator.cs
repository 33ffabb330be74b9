using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace AiGovernance.Data.Schema;

/// <summary>
/// Applies the embedded SQL migrations in name order, each in its own transaction, under an advisory
/// lock so several hosts starting together don't race. Then grants the application role its rights.
/// </summary>
public static class Migrator
{
    private const long AdvisoryLockKey = 0x41_49_47_4F_56; // "AIGOV"

    public sealed record Result(IReadOnlyList<string> Applied, IReadOnlyList<string> AlreadyApplied);

    public static async Task<Result> MigrateAsync(string ownerConnectionString, string appRole, Action<string>? progress = null, CancellationToken ct = default)
    {
        // A named data source: Npgsql's metrics label a pool by its name, else by the connection string.
        await using var source = new NpgsqlDataSourceBuilder(ownerConnectionString) { Name = "migrator" }.Build();
        await using var conn = await source.OpenConnectionAsync(ct);
        await Exec(conn, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
        try
        {
            await Exec(conn, """
                CREATE EXTENSION IF NOT EXISTS vector;
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    name text PRIMARY KEY, sha256 text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """, ct);
            var applied = new Dictionary<string, string>();
            await using (var cmd = new NpgsqlCommand("SELECT name, sha256 FROM schema_migrations", conn))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct)) applied[r.GetString(0)] = r.GetString(1);

            var done = new List<string>();
            var skipped = new List<string>();
            foreach (var (name, sql) in EmbeddedScripts())
            {
                var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
                if (applied.TryGetValue(name, out var old))
                {
                    if (old != sha)
                        throw new InvalidOperationException($"Migration {name} was changed after it was applied (sha256 {old} → {sha}). Add a new migration instead.");
                    skipped.Add(name);
                    continue;
                }
                progress?.Invoke($"applying {name}");
                await using var tx = await conn.BeginTransactionAsync(ct);
                await using (var cmd = new NpgsqlCommand(sql, conn, tx)) await cmd.ExecuteNonQueryAsync(ct);
                await using (var cmd = new NpgsqlCommand("INSERT INTO schema_migrations (name, sha256) VALUES ($1, $2)", conn, tx))
                {
                    cmd.Parameters.AddWithValue(name);
                    cmd.Parameters.AddWithValue(sha);
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                done.Add(name);
            }
            await GrantAsync(conn, appRole, ct);
            await conn.ReloadTypesAsync(ct);
            return new Result(done, skipped);
        }
        finally
        {
            await Exec(conn, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    /// <summary>
    /// The application role may read and write tenant data but only INSERT and SELECT the decision
    /// log: without UPDATE/DELETE grants (and with the trigger) it cannot rewrite history.
    /// </summary>
    private static async Task GrantAsync(NpgsqlConnection conn, string appRole, CancellationToken ct)
    {
        await using (var check = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = $1", conn))
        {
            check.Parameters.AddWithValue(appRole);
            if (await check.ExecuteScalarAsync(ct) is null) return; // connecting as the owner: nothing to grant
        }
        var role = new NpgsqlCommandBuilder().QuoteIdentifier(appRole);
        var owner = (string)(await new NpgsqlCommand("SELECT current_user", conn).ExecuteScalarAsync(ct))!;
        if (owner == appRole) return;
        await Exec(conn, $"""
            GRANT USAGE ON SCHEMA public TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
            REVOKE UPDATE, DELETE, TRUNCATE ON decision_log FROM {role};
            REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM {role};
            REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON tenants FROM {role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
            """, ct);
    }

    private static IEnumerable<(string Name, string Sql)> EmbeddedScripts()
    {
        var asm = typeof(Migrator).Assembly;
        foreach (var resource in asm.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = asm.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var name = resource[(resource.IndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..];
            yield return (name, reader.ReadToEnd());
        }
    }

    private static async Task Exec(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
