using System.CommandLine;
using System.Diagnostics;
using AiGovernance.Cli.Commands.Detection;
using AiGovernance.Data.Detection;
using AiGovernance.Data.Tenancy;
using AiGovernance.Ml.PriceVariance;

namespace AiGovernance.Cli.Commands;

/// <summary><c>aigov history import</c>: loads the ERP's purchase history that price variance compares with.</summary>
public static class HistoryCommand
{
    public static Command Create()
    {
        var history = new Command("history", "Purchase history for price-variance detection.");
        var tenant = new Option<string>("--tenant") { Description = "Tenant slug or id.", Required = true };
        var input = new Option<FileInfo>("--input")
        {
            Description = "CSV with columns id, item, supplier, quantity, unit_price, date (and optionally description, uom, currency) — the `detect price-variance` input format.",
            Required = true,
        };
        var source = new Option<string?>("--source") { Description = "Label stored with every line (default: the file name)." };
        var strict = new Option<bool>("--strict") { Description = "Reject the whole file on the first bad row (default: skip bad rows with a warning)." };
        var import = new Command("import", "Import purchase lines in one transaction (binary COPY): all or nothing.") { tenant, input, source, strict };
        import.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(input)!;
            if (!file.Exists) throw new CliException($"{file.FullName}: no such file");
            var isStrict = parse.GetValue(strict);
            var skipped = 0;
            void BadRow(string message)
            {
                skipped++;
                Console.Error.WriteLine($"{file.Name}: {message} (skipped)");
            }
            await using var owner = CliContext.OwnerDataSource();
            var t = await CliContext.RequireTenantAsync(owner, parse.GetValue(tenant)!, ct);
            var sw = Stopwatch.StartNew();
            long written;
            try
            {
                await using var scope = await TenantScope.BeginAsync(owner, t.Id, ct);
                var lines = PriceLineCsv.ReadFile(file.FullName, isStrict ? null : BadRow).Select(l => PriceHistoryLines.From(l.Line));
                written = await PriceHistory.ImportAsync(scope, lines, parse.GetValue(source) ?? file.Name, ct,
                    new Progress<long>(n => Console.Error.WriteLine($"[history] {n:N0} lines")));
                await scope.CommitAsync(ct);
            }
            catch (FormatException ex)
            {
                throw new CliException($"{file.Name}: {ex.Message}; nothing was imported");
            }
            var seconds = Math.Max(sw.Elapsed.TotalSeconds, 1e-6);
            Console.WriteLine($"{t.Slug}: imported {written:N0} lines in {seconds:0.0} s ({written / seconds:N0} lines/s){(skipped > 0 ? $", skipped {skipped} bad rows" : "")}");
        });
        history.Subcommands.Add(import);
        return history;
    }
}
