using System.CommandLine;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Cli.Commands;

public static class AuditCommand
{
    public static Command Create()
    {
        var audit = new Command("audit", "Decision log: verify the hash chain, export for compliance.");
        var tenant = new Option<string?>("--tenant") { Description = "Tenant slug or id (verify: default all tenants)." };

        var verify = new Command("verify", "Recompute every tenant's hash chain; names the first broken entry and exits 2 if any chain is broken.") { tenant };
        verify.SetAction(async (parse, ct) =>
        {
            await using var owner = CliContext.OwnerDataSource();
            IReadOnlyList<TenantRecord> targets;
            if (parse.GetValue(tenant) is { } one) targets = [await CliContext.RequireTenantAsync(owner, one, ct)];
            else
            {
                await using var conn = await owner.OpenConnectionAsync(ct);
                targets = await Tenants.ListAsync(conn, ct);
            }
            var broken = 0;
            foreach (var t in targets)
            {
                await using var scope = await TenantScope.BeginAsync(owner, t.Id, ct);
                var result = await DecisionLogVerifier.VerifyAsync(scope, new Progress<long>(n => Console.Error.WriteLine($"[verify] {t.Slug}: {n} entries checked")), ct);
                if (result.Valid) Console.WriteLine($"{t.Slug}: OK — {result.EntriesChecked} entries, head #{result.LastSeq} {result.LastHash}");
                else
                {
                    broken++;
                    Console.WriteLine($"{t.Slug}: BROKEN at entry #{result.FirstBrokenSeq} — {result.Problem} ({result.EntriesChecked} entries verified before it)");
                }
            }
            return broken == 0 ? 0 : 2;
        });

        var exportTenant = new Option<string>("--tenant") { Description = "Tenant slug or id.", Required = true };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Inclusive start (ISO 8601)." };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Exclusive end (ISO 8601)." };
        var format = new Option<string>("--format") { Description = "jsonl or csv.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var output = new Option<FileInfo?>("--output") { Description = "File to write (default: standard output)." };
        var export = new Command("export", "Export decision log entries with their hashes.") { exportTenant, from, to, format, output };
        export.SetAction(async (parse, ct) =>
        {
            await using var owner = CliContext.OwnerDataSource();
            var t = await CliContext.RequireTenantAsync(owner, parse.GetValue(exportTenant)!, ct);
            await using var scope = await TenantScope.BeginAsync(owner, t.Id, ct);
            var file = parse.GetValue(output);
            // Write to a temporary file and move it into place, so a failed export never leaves a half file.
            var tmp = file is null ? null : file.FullName + ".partial";
            await using (var writer = tmp is null ? new StreamWriter(Console.OpenStandardOutput()) : new StreamWriter(tmp))
            {
                var n = await DecisionLogExport.WriteAsync(DecisionLogReader.ReadAsync(scope,
                    new DecisionLogFilter(From: parse.GetValue(from), To: parse.GetValue(to), Limit: 0), ct), writer, parse.GetValue(format)!, ct);
                Console.Error.WriteLine($"[export] {n} entries from tenant {t.Slug}");
            }
            if (tmp is not null) File.Move(tmp, file!.FullName, overwrite: true);
            return 0;
        });
        audit.Subcommands.Add(verify);
        audit.Subcommands.Add(export);
        return audit;
    }
}
