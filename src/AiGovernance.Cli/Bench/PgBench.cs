using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace AiGovernance.Cli.Bench;

/// <summary>
/// Runs Debian's pgbench (TPC-B-like default script) against the same cluster as the service, in its
/// own database, so the approval figures can be read against what the database alone sustains.
/// </summary>
public sealed partial class PgBench
{
    public const string DefaultBinary = "/usr/lib/postgresql/15/bin/pgbench";
    private readonly NpgsqlConnectionStringBuilder _conn;
    private readonly string _binary;

    private PgBench(NpgsqlConnectionStringBuilder conn, string binary)
    {
        _conn = conn;
        _binary = binary;
    }

    public string Database => _conn.Database!;

    /// <summary>A runner, or null with the reason it cannot run (missing binary or superuser connection).</summary>
    public static (PgBench? Runner, string? Unavailable) Locate(string? superConnectionString, string database, string binary = DefaultBinary)
    {
        if (!File.Exists(binary)) return (null, $"pgbench not found at {binary} (install postgresql-15)");
        if (string.IsNullOrWhiteSpace(superConnectionString))
            return (null, "ConnectionStrings__GovernanceSuper is not set (pgbench needs a role that may create its database)");
        var b = new NpgsqlConnectionStringBuilder(superConnectionString) { Database = database };
        return (new PgBench(b, binary), null);
    }

    /// <summary>Creates the database if needed and (re)initializes the pgbench tables at <paramref name="scale"/>.</summary>
    public async Task InitializeAsync(int scale, Action<string> progress, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(_conn.ConnectionString) { Database = "postgres", Pooling = false };
        await using (var conn = new NpgsqlConnection(admin.ConnectionString))
        {
            await conn.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn) { Parameters = { new() { Value = Database } } };
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {new NpgsqlCommandBuilder().QuoteIdentifier(Database)}", conn);
                await create.ExecuteNonQueryAsync(ct);
                progress($"pgbench: created database {Database}");
            }
        }
        progress($"pgbench: initializing scale {scale} in {Database}");
        var (code, output) = await RunAsync(["-i", "-q", "-s", scale.ToString(CultureInfo.InvariantCulture)], ct);
        if (code != 0) throw new CliException($"pgbench -i failed (exit {code}): {Tail(output)}");
    }

    /// <summary>Runs the default TPC-B script with <paramref name="clients"/> clients and threads; returns tps without initial connection time.</summary>
    public async Task<double> RunTpcbAsync(int clients, TimeSpan duration, CancellationToken ct)
    {
        var n = clients.ToString(CultureInfo.InvariantCulture);
        var seconds = Math.Max(1, (int)Math.Round(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var (code, output) = await RunAsync(["-c", n, "-j", n, "-T", seconds, "-M", "prepared"], ct);
        if (code != 0) throw new CliException($"pgbench -c {n} failed (exit {code}): {Tail(output)}");
        return ParseTps(output)
            ?? throw new CliException($"no 'tps = … (without initial connection time)' line in pgbench output: {Tail(output)}");
    }

    /// <summary>Parses pgbench's summary; public so the format can be checked without a server.</summary>
    public static double? ParseTps(string output) =>
        TpsLine().Match(output) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private async Task<(int Code, string Output)> RunAsync(IEnumerable<string> args, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(_binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-h", _conn.Host!, "-p", _conn.Port.ToString(CultureInfo.InvariantCulture), "-U", _conn.Username! }) psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add(Database);
        // The password goes through the environment of the child only, never the command line.
        psi.Environment["PGPASSWORD"] = _conn.Password ?? "";
        using var p = Process.Start(psi) ?? throw new CliException($"could not start {_binary}");
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        return (p.ExitCode, await stdout + await stderr);
    }

    private static string Tail(string s) => s.Length <= 600 ? s.Trim() : "…" + s[^600..].Trim();

    [GeneratedRegex(@"tps = ([0-9]+(?:\.[0-9]+)?) \(without initial connection time\)")]
    private static partial Regex TpsLine();
}
