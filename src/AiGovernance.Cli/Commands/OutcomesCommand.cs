using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AiGovernance.Cli.Commands.Outcomes;
using AiGovernance.Data.Outcomes;

namespace AiGovernance.Cli.Commands;

/// <summary><c>aigov outcomes export | opt-out | opt-in</c>: reviewer outcomes of the detectors as versioned, labelled snapshots.</summary>
public static class OutcomesCommand
{
    public static Command Create()
    {
        var outcomes = new Command("outcomes", "Reviewer outcomes of detector recommendations as labelled training data.");
        var kind = new Option<string>("--kind") { Description = "duplicate | price-variance", Required = true };
        kind.AcceptOnlyFromAmong([.. OutcomeExport.Kinds.Keys]);
        var since = new Option<string?>("--since") { Description = "Decided on or after this date (yyyy-MM-dd, UTC) or instant (ISO 8601)." };
        var until = new Option<string?>("--until") { Description = "Decided before this date or instant (exclusive)." };
        var output = new Option<string>("--out") { Description = "Base directory; the snapshot goes to <out>/<kind>/<UTC time>/.", DefaultValueFactory = _ => "outcomes" };
        var tenants = new Option<string[]>("--tenant") { Description = "Tenant slug or id (repeatable); default every tenant that has not opted out.", AllowMultipleArgumentsPerToken = true };
        var evalFraction = new Option<double>("--eval-fraction") { Description = "Share of the latest outcomes held out as eval.csv.", DefaultValueFactory = _ => 0.2 };
        var blind = new Option<int>("--blind-review") { Description = "Unflagged scored requisitions sampled for blind review.", DefaultValueFactory = _ => 50 };
        var seed = new Option<int>("--seed") { Description = "Seed of the blind-review sample.", DefaultValueFactory = _ => 42 };

        var export = new Command("export", "Write a snapshot: train.csv (earlier), eval.csv (later), blind-review.csv, DATASHEET.md, manifest.json.")
            { kind, since, until, output, tenants, evalFraction, blind, seed };
        export.SetAction(async (parse, ct) =>
        {
            var request = new OutcomeExportRequest(parse.GetValue(kind)!, Instant(parse.GetValue(since), "--since"), Instant(parse.GetValue(until), "--until"),
                parse.GetValue(tenants) ?? [], parse.GetValue(evalFraction), parse.GetValue(blind), parse.GetValue(seed));
            if (request.EvalFraction is <= 0 or >= 1) throw new CliException("--eval-fraction must be between 0 and 1");
            var watch = Stopwatch.StartNew();
            await using var owner = CliContext.OwnerDataSource();
            var snapshot = await OutcomeExport.BuildAsync(owner, request, m => Console.Error.WriteLine($"[outcomes] {m}"), ct);
            var dir = OutcomeExport.NewSnapshotDirectory(parse.GetValue(output)!, request.Kind, DateTimeOffset.UtcNow);
            var manifest = OutcomeExport.Write(dir, snapshot);
            Console.WriteLine($"snapshot: {dir}");
            Console.WriteLine($"sha256: {manifest["snapshot_sha256"]}");
            Console.WriteLine($"train {snapshot.TrainRows.Count:N0} rows ({snapshot.TrainRows.Count(r => r.Label):N0} label 1), eval {snapshot.EvalRows.Count:N0} rows " +
                $"({snapshot.EvalRows.Count(r => r.Label):N0} label 1), blind review {snapshot.BlindReview.Count:N0}, skipped {snapshot.Skipped.Count:N0}; " +
                $"tenants {string.Join(", ", snapshot.TenantsIncluded)}{(snapshot.TenantsExcluded.Count > 0 ? $"; excluded {string.Join(", ", snapshot.TenantsExcluded.Select(t => $"{t.Tenant} ({t.Reason})"))}" : "")}; " +
                $"{watch.Elapsed.TotalSeconds:0.0} s");
            if (snapshot.TrainRows.Count == 0 || snapshot.EvalRows.Count == 0)
                Console.Error.WriteLine("warning: the train or eval period is empty; a challenger cannot be trained and compared on this snapshot");
        });

        outcomes.Subcommands.Add(export);
        outcomes.Subcommands.Add(ExceptionOutcomeExport.Create());
        outcomes.Subcommands.Add(Consent("opt-out", "Never export this tenant's outcomes for training.", true));
        outcomes.Subcommands.Add(Consent("opt-in", "Allow this tenant's outcomes in training exports again.", false));
        return outcomes;
    }

    private static Command Consent(string name, string description, bool optOut)
    {
        var tenant = new Option<string>("--tenant") { Description = "Tenant slug or id.", Required = true };
        var command = new Command(name, description) { tenant };
        command.SetAction(async (parse, ct) =>
        {
            await using var owner = CliContext.OwnerDataSource();
            var t = await CliContext.RequireTenantAsync(owner, parse.GetValue(tenant)!, ct);
            await OutcomeTenants.SetOptOutAsync(owner, t.Id, optOut, ct);
            Console.WriteLine($"{t.Slug}: {(optOut ? "opted out of" : "included in")} training exports");
        });
        return command;
    }

    /// <summary>A date means midnight UTC of that day; an instant with an offset is taken as given.</summary>
    public static DateTimeOffset? Instant(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant : throw new CliException($"{option}: '{text}' is not a date (yyyy-MM-dd) or an ISO 8601 instant");
    }
}
