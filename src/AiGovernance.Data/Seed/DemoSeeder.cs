using System.Globalization;
using AiGovernance.Core.Requisitions;
using AiGovernance.Core.Text;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;
using Npgsql;

namespace AiGovernance.Data.Seed;

/// <summary>
/// Seeds the demo tenant: master data, the default policy, purchase history imported from the real
/// USAID SCMS sample (as approved, historical requisitions) and a few live requisitions routed by
/// the policy so approvers have something in their queue.
/// </summary>
public static class DemoSeeder
{
    public const string DemoSlug = "demo";
    private const int LiveRequisitions = 8;

    public sealed record Result(TenantRecord Tenant, bool Created, int HistoryRequisitions, int LiveRequisitions);

    public static async Task<Result> SeedAsync(NpgsqlDataSource ownerDb, TimeProvider clock, Action<string>? progress = null, CancellationToken ct = default)
    {
        await using (var conn = await ownerDb.OpenConnectionAsync(ct))
        {
            if (await Tenants.FindAsync(conn, DemoSlug, ct) is { } existing) return new Result(existing, false, 0, 0);
        }
        var history = CsvReader.Read(SeedResources.Read("requisition-history.csv")).ToList();
        var orders = history.GroupBy(r => r["external_ref"]).ToList();
        var historyCount = 0;
        var liveCount = 0;
        var tenant = await TenantProvisioner.CreateAsync(ownerDb, SeedResources.DemoMasterData, SeedResources.DefaultPolicyYaml, clock, async scope =>
        {
            progress?.Invoke($"importing {orders.Count - LiveRequisitions} historical orders ({history.Count} lines)");
            var policy = (await PolicyStore.GetActiveAsync(scope, PolicyCache.Shared, ct))!;
            foreach (var order in orders.SkipLast(LiveRequisitions))
            {
                await ImportHistoricalAsync(scope, order.Key, order.ToList(), policy, ct);
                historyCount++;
            }
            await ImportPriceHistoryAsync(scope, history, orders.TakeLast(LiveRequisitions).Select(o => o.Key).ToHashSet(), clock, ct);
            progress?.Invoke($"submitting {LiveRequisitions} live requisitions through the policy");
            var triageCases = new DemoTriageCases(LiveRequisitions, clock);
            foreach (var order in orders.TakeLast(LiveRequisitions))
            {
                var first = order.First();
                var draft = triageCases.Apply(liveCount, ToDraft(order.ToList(), clock, externalErpId: null));
                await SubmitRequisition.ExecuteAsync(scope, first["requester"], draft, PolicyCache.Shared, clock, ct);
                liveCount++;
            }
        }, ct);
        return new Result(tenant, true, historyCount, liveCount);
    }

    private static async Task ImportHistoricalAsync(TenantScope scope, string externalRef, IReadOnlyList<CsvReader.Row> rows, ActivePolicy policy, CancellationToken ct)
    {
        var first = rows[0];
        var lines = rows.Select(ToLine).ToList();
        var orderedOn = DateOnly.ParseExact(first["ordered_on"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var at = new DateTimeOffset(orderedOn.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var amount = lines.Sum(l => l.Amount);
        var requisition = new Requisition
        {
            Id = Guid.CreateVersion7(at),
            TenantId = scope.TenantId,
            Number = await RequisitionStore.NextNumberAsync(scope, ct),
            LegalEntity = first["legal_entity"],
            CostCentre = first["cost_centre"],
            RequesterId = first["requester"],
            SupplierId = first["supplier_id"],
            Category = first["category"],
            Currency = first["currency"],
            Urgency = Urgency.Normal,
            NeededBy = null,
            Lines = lines,
            ExternalErpId = externalRef,
            Amount = amount,
            AmountInBase = policy.Policy.ToBase(amount, first["currency"]),
            BaseCurrency = policy.Policy.BaseCurrency,
            PolicyVersionId = policy.Info.Id,
            Status = RequisitionStatus.Approved,
            Steps = [],
        };
        var routing = Json.Serialize(new { imported = true, explanation = $"imported purchase history: PO {externalRef} ordered {orderedOn:yyyy-MM-dd} (USAID SCMS delivery history sample)" });
        await RequisitionStore.InsertAsync(scope, requisition, routing, at, ct);
    }

    /// <summary>
    /// The historical lines become the price history the price-variance model compares with, re-dated so
    /// the newest order is yesterday (the real orders are 2006–2015; live scoring looks back a year).
    /// The requisitions keep their real dates.
    /// </summary>
    private static async Task ImportPriceHistoryAsync(TenantScope scope, IReadOnlyList<CsvReader.Row> rows, HashSet<string> live, TimeProvider clock,
        CancellationToken ct)
    {
        var past = rows.Where(r => !live.Contains(r["external_ref"])).ToList();
        if (past.Count == 0) return;
        static DateOnly Ordered(CsvReader.Row r) => DateOnly.ParseExact(r["ordered_on"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var shift = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).DayNumber - 1 - past.Max(Ordered).DayNumber;
        await Detection.PriceHistory.ImportAsync(scope, past.Select(r => new Detection.PriceHistoryLine(r["item_code"], r["description"], r["supplier_id"],
            decimal.Parse(r["quantity"], CultureInfo.InvariantCulture), r["unit_of_measure"], decimal.Parse(r["unit_price"], CultureInfo.InvariantCulture),
            r["currency"], Ordered(r).AddDays(shift))), "demo-history", ct);
    }

    private static RequisitionDraft ToDraft(IReadOnlyList<CsvReader.Row> rows, TimeProvider clock, string? externalErpId)
    {
        var first = rows[0];
        return new RequisitionDraft(first["legal_entity"], first["cost_centre"], first["supplier_id"], first["category"], first["currency"],
            Urgency.Normal, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(21), rows.Select(ToLine).ToList(), [], externalErpId);
    }

    private static RequisitionLine ToLine(CsvReader.Row r) => new(
        r["item_code"], r["description"], decimal.Parse(r["quantity"], CultureInfo.InvariantCulture), r["unit_of_measure"],
        decimal.Parse(r["unit_price"], CultureInfo.InvariantCulture));
}
