using System.CommandLine;
using AiGovernance.Data.Outcomes;
using AiGovernance.Data.Tenancy;
using AiGovernance.Ml.Triage;
using AiGovernance.Worker.Exceptions;

namespace AiGovernance.Cli.Commands.Outcomes;

/// <summary>
/// <c>aigov outcomes export-exceptions</c>: a tenant's decided exceptions (resolved = real, dismissed = false alarm) with
/// their facts at raise time, in the format <c>aigov models train --kind exception-probability</c> reads. Split by decision
/// time: the latest share goes to eval.csv. Opted-out tenants are never opened.
/// </summary>
public static class ExceptionOutcomeExport
{
    public static Command Create()
    {
        var tenants = new Option<string[]>("--tenant") { Description = "Tenant slug or id (repeatable); default every tenant that has not opted out.", AllowMultipleArgumentsPerToken = true };
        var since = new Option<string?>("--since") { Description = "Decided on or after this date (yyyy-MM-dd, UTC) or instant." };
        var until = new Option<string?>("--until") { Description = "Decided before this date or instant (exclusive)." };
        var output = new Option<string>("--out") { Description = "Directory for train.csv and eval.csv.", DefaultValueFactory = _ => Path.Combine("outcomes", ExceptionProbabilityModel.Kind) };
        var evalFraction = new Option<double>("--eval-fraction") { Description = "Share of the latest decisions held out as eval.csv.", DefaultValueFactory = _ => 0.2 };
        var command = new Command("export-exceptions", "Decided exceptions with their facts at raise time as train.csv (earlier) and eval.csv (later) for the exception-probability model.")
            { tenants, since, until, output, evalFraction };
        command.SetAction(async (parse, ct) =>
        {
            var fraction = parse.GetValue(evalFraction);
            if (fraction is <= 0 or >= 1) throw new CliException("--eval-fraction must be between 0 and 1");
            await using var owner = CliContext.OwnerDataSource();
            var wanted = parse.GetValue(tenants) ?? [];
            var all = await OutcomeTenants.ListAsync(owner, ct);
            var chosen = wanted.Length == 0 ? all : all.Where(t => wanted.Contains(t.Slug, StringComparer.Ordinal) || wanted.Contains(t.Id.ToString())).ToList();
            if (wanted.Length > 0 && chosen.Count < wanted.Length) throw new CliException($"unknown tenant among {string.Join(", ", wanted)}");
            var rows = new List<(DateTimeOffset DecidedAt, ExceptionExample Example)>();
            foreach (var t in chosen)
            {
                if (t.TrainingOptOut)
                {
                    Console.Error.WriteLine($"[outcomes] {t.Slug}: opted out of training, not opened");
                    continue;
                }
                await using var scope = await TenantScope.BeginAsync(owner, t.Id, ct);
                foreach (var d in await ExceptionFactsAtRaise.DecidedAsync(scope, OutcomesCommand.Instant(parse.GetValue(since), "--since"),
                             OutcomesCommand.Instant(parse.GetValue(until), "--until"), ct))
                    rows.Add((d.DecidedAt, new ExceptionExample($"{t.Slug}:{d.Id}", d.RaisedAt, d.Facts, d.Real)));
            }
            rows = [.. rows.OrderBy(r => r.DecidedAt).ThenBy(r => r.Example.Id, StringComparer.Ordinal)];
            // The cut falls between two distinct decision instants: everything decided at the split instant is evaluation data.
            var cut = rows.Count == 0 ? 0 : (int)Math.Floor(rows.Count * (1 - fraction));
            while (cut > 0 && cut < rows.Count && rows[cut - 1].DecidedAt == rows[cut].DecidedAt) cut--;
            var dir = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(dir);
            ExceptionExampleCsv.Write(Path.Combine(dir, "train.csv"), rows.Take(cut).Select(r => r.Example));
            ExceptionExampleCsv.Write(Path.Combine(dir, "eval.csv"), rows.Skip(cut).Select(r => r.Example));
            Console.WriteLine($"{dir}: train {cut:N0} rows ({rows.Take(cut).Count(r => r.Example.Real):N0} real), eval {rows.Count - cut:N0} rows " +
                $"({rows.Skip(cut).Count(r => r.Example.Real):N0} real)");
            if (cut == 0 || cut == rows.Count) Console.Error.WriteLine("warning: the train or eval period is empty; a model cannot be trained and measured on this export");
        });
        return command;
    }
}
