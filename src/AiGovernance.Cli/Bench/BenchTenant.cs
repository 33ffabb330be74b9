using System.Diagnostics;
using AiGovernance.Core.Policies;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Schema;
using AiGovernance.Data.Seed;
using AiGovernance.Data.Tenancy;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace AiGovernance.Cli.Bench;

/// <summary>
/// The benchmark's own tenant: demo master data, a one-step policy (no auto-approval) and a stock of
/// pending requisitions. Created fresh per run so runs never see each other's rows or log chains.
/// </summary>
public static class BenchTenant
{
    public const string Requester = "u-anna";
    public const string Approver = "u-david";

    /// <summary>Every requisition matches the catch-all and waits for one approver; nothing is auto-approved.</summary>
    public const string PolicyYaml = """
        policy: bench-approvals
        base_currency: EUR
        rules:
          - id: bench-catch-all
            description: One approver signs off every requisition (benchmark policy)
            when: {}
            steps:
              - name: approval
                mode: sequential
                approvers: [ { role: approver } ]
        """;

    public static async Task<TenantRecord> CreateAsync(NpgsqlDataSource owner, Action<string> progress, CancellationToken ct, string? policyYaml = null)
    {
        policyYaml ??= PolicyYaml;
        var parsed = PolicyParser.Parse(policyYaml);
        if (!parsed.IsValid)
            throw new CliException($"bench policy does not parse: line {parsed.Errors[0].Line}: {parsed.Errors[0].Message}");
        var role = CliContext.Configuration[$"{GovernanceDataOptions.SectionName}:AppRole"] ?? new GovernanceDataOptions().AppRole;
        var migrated = await Migrator.MigrateAsync(DataHostingExtensions.OwnerConnectionString(CliContext.Configuration), role, progress, ct);
        progress($"schema: {migrated.Applied.Count} migrations applied, {migrated.AlreadyApplied.Count} up to date");

        var doc = SeedResources.DemoMasterData;
        var slug = $"bench-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..8]}";
        doc = doc with { Tenant = doc.Tenant with { Slug = slug, Name = $"Benchmark tenant {slug}" } };
        var tenant = await TenantProvisioner.CreateAsync(owner, doc, policyYaml, TimeProvider.System, ct: ct);
        progress($"tenant {tenant.Slug} ({tenant.Id}) created");
        return tenant;
    }

    /// <summary>
    /// Submits <paramref name="count"/> pending requisitions in-process (not timed). One per transaction from a
    /// few parallel writers: the decision-log head lock is held to commit, so big batches would serialize them.
    /// </summary>
    public static async Task<List<Guid>> SubmitPendingAsync(NpgsqlDataSource owner, TenantRecord tenant, int count, Action<string> progress, CancellationToken ct)
    {
        var policies = PolicyCache.Shared;
        var ids = new Guid[count];
        var next = -1;
        var done = 0;
        var sw = Stopwatch.StartNew();
        async Task Writer()
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                await using var scope = await TenantScope.BeginAsync(owner, tenant.Id, ct);
                var stored = await SubmitRequisition.ExecuteAsync(scope, Requester, Draft(i), policies, TimeProvider.System, ct);
                if (stored.Requisition.Status != RequisitionStatus.PendingApproval)
                    throw new CliException($"bench requisition {stored.Requisition.Number} is {stored.Requisition.Status}, expected pending_approval");
                await scope.CommitAsync(ct);
                ids[i] = stored.Requisition.Id;
                if (Interlocked.Increment(ref done) % 1000 == 0) progress($"submitted {done}/{count} pending requisitions");
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Max(4, Environment.ProcessorCount * 2)).Select(_ => Task.Run(Writer, ct)));
        progress($"setup: {count} pending requisitions submitted in {sw.Elapsed.TotalSeconds:0.0} s");
        return [.. ids];
    }

    private static RequisitionDraft Draft(int n) => new(
        LegalEntity: "LE-EU",
        CostCentre: "CC-EU-PHARMA",
        SupplierId: "sup-orgenics-ltd",
        Category: "Pharmaceuticals",
        Currency: "EUR",
        Urgency: Urgency.Normal,
        NeededBy: null,
        Lines: [new RequisitionLine($"BENCH-{n % 50:D2}", "Benchmark line item", 10, "EA", 42.50m + n % 7)],
        Attachments: [],
        ExternalErpId: null);
}
