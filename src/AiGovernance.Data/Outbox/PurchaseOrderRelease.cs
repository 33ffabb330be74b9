using AiGovernance.Core.Approvals;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Outbox;

/// <summary>
/// The PO release an approved requisition announces to the ERP. Enqueued in the approving
/// transaction, so the message exists exactly when the approval committed; the idempotency key is
/// derived from the requisition number, so it is the same on every retry and redelivery and the ERP
/// can drop duplicates.
/// </summary>
public static class PurchaseOrderRelease
{
    public const string Topic = "purchase_order.released";

    public static string IdempotencyKeyFor(string requisitionNumber) => "po-release:" + requisitionNumber;

    /// <summary>"REQ-000123" → "PO-000123": one PO per requisition, recognisable in both systems.</summary>
    public static string PoNumberFor(string requisitionNumber) =>
        "PO-" + string.Concat(requisitionNumber.Where(char.IsAsciiDigit));

    public static async Task<Guid?> EnqueueAsync(TenantScope scope, Requisition r, TimeProvider clock, CancellationToken ct)
    {
        var supplierName = await SupplierNameAsync(scope, r.SupplierId, ct);
        var payload = Build(r, supplierName, clock.GetUtcNow());
        return await OutboxWriter.EnqueueAsync(scope, Topic, IdempotencyKeyFor(r.Number), r.Id.ToString(), payload, clock, ct);
    }

    /// <summary>The payload (pure, so it can be checked without a database).</summary>
    public static PurchaseOrderPayload Build(Requisition r, string? supplierName, DateTimeOffset approvedAt) => new(
        PoNumberFor(r.Number),
        r.Id,
        r.Number,
        r.ExternalErpId,
        new PoSupplier(r.SupplierId, supplierName),
        r.LegalEntity,
        r.CostCentre,
        r.Currency,
        r.Lines.Select(l => new PoLine(l.ItemCode, l.Description, l.Quantity, l.UnitOfMeasure, l.UnitPrice, l.Amount)).ToList(),
        r.Amount,
        r.AmountInBase,
        r.BaseCurrency,
        r.Status == RequisitionStatus.AutoApproved,
        approvedAt,
        r.Steps.SelectMany(s => s.Slots.Where(x => x.Status == SlotStatus.Approved && x.DecidedBy is not null)
            .Select(x => new PoApprover(s.Index, s.Name, x.DecidedBy!, x.OnBehalfOf, x.DecidedAt))).ToList());

    private static async Task<string?> SupplierNameAsync(TenantScope scope, string supplierId, CancellationToken ct)
    {
        await using var cmd = scope.Command("SELECT name FROM suppliers WHERE tenant_id = $1 AND id = $2");
        cmd.Parameters.AddWithValue(scope.TenantId);
        cmd.Parameters.AddWithValue(supplierId);
        return await cmd.ExecuteScalarAsync(ct) as string;
    }
}

public sealed record PurchaseOrderPayload(
    string PoNumber,
    Guid RequisitionId,
    string RequisitionNumber,
    string? ExternalErpId,
    PoSupplier Supplier,
    string LegalEntity,
    string CostCentre,
    string Currency,
    IReadOnlyList<PoLine> Lines,
    decimal Amount,
    decimal AmountBase,
    string BaseCurrency,
    bool AutoApproved,
    DateTimeOffset ApprovedAt,
    IReadOnlyList<PoApprover> Approvers);

public sealed record PoSupplier(string Id, string? Name);

public sealed record PoLine(string ItemCode, string Description, decimal Quantity, string UnitOfMeasure, decimal UnitPrice, decimal Amount);

public sealed record PoApprover(int Step, string StepName, string UserId, string? OnBehalfOf, DateTimeOffset? DecidedAt);
