using AiGovernance.Api.Features.Requisitions;
using AiGovernance.Core;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Checks;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Tenancy;
using AiGovernance.Data.Webhooks;

namespace AiGovernance.Api.Features.Webhooks;

/// <summary>One handler per event type: check the event's data, then apply it in the event's transaction.</summary>
public static class WebhookHandlers
{
    public static readonly string[] SupplierStatuses = ["active", "on_hold", "blocked", "onboarding_incomplete"];

    public static async Task<object> ApplyAsync(TenantScope scope, WebhookEnvelope e, PolicyCache policies, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            return await (e.Type switch
            {
                WebhookEnvelope.RequisitionCreated => CreatedAsync(scope, e, policies, clock, ct),
                WebhookEnvelope.RequisitionUpdated => UpdatedAsync(scope, e, policies, clock, ct),
                WebhookEnvelope.BudgetUpdated => BudgetAsync(scope, e, clock, ct),
                WebhookEnvelope.SupplierStatusChanged => SupplierAsync(scope, e, clock, ct),
                _ => throw DomainException.Unprocessable("webhook_unknown_type", $"Unknown event type '{e.Type}'."),
            });
        }
        catch (ValidationFailedException v) when (v.Errors.Keys.Any(k => !k.StartsWith("data.", StringComparison.Ordinal)))
        {
            // The requisition rules name fields as in a submission body; in an event those fields live under data.
            throw new ValidationFailedException(v.Errors.ToDictionary(x => x.Key.StartsWith("data.", StringComparison.Ordinal) ? x.Key : "data." + x.Key, x => x.Value));
        }
    }

    /// <summary>The data is a submission body (as POST /api/requisitions) plus the requester and the ERP's id.</summary>
    private static Task<object> CreatedAsync(TenantScope scope, WebhookEnvelope e, PolicyCache policies, TimeProvider clock, CancellationToken ct)
    {
        var data = e.DataAs<SubmitRequisitionRequest>();
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(data.RequesterId)) errors.Add("data.requester_id", "is required: the person the ERP submits for");
        if (string.IsNullOrWhiteSpace(data.ExternalErpId)) errors.Add("data.external_erp_id", "is required: the ERP's id makes re-sent requisitions recognisable");
        errors.ThrowIfAny();
        var draft = data.ToDraft();
        return ErpRequisitionEvents.CreateAsync(scope, data.RequesterId!, draft, e.Version, policies, clock, ct);
    }

    private static Task<object> UpdatedAsync(TenantScope scope, WebhookEnvelope e, PolicyCache policies, TimeProvider clock, CancellationToken ct)
    {
        var data = e.DataAs<RequisitionUpdatedData>();
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(data.ExternalErpId)) errors.Add("data.external_erp_id", "is required");
        for (var i = 0; i < (data.Lines?.Count ?? 0); i++)
        {
            var l = data.Lines![i];
            if (l is null) { errors.Add($"data.lines[{i}]", "must not be null"); continue; }
            if (l.Quantity is null) errors.Add($"data.lines[{i}].quantity", "is required");
            if (l.UnitPrice is null) errors.Add($"data.lines[{i}].unit_price", "is required");
        }
        errors.ThrowIfAny();
        var lines = data.Lines?.Select(l => new RequisitionLine(l.ItemCode!, l.Description!, l.Quantity!.Value, l.UnitOfMeasure!, l.UnitPrice!.Value)).ToList();
        var change = new ErpRequisitionChange(data.ExternalErpId!, e.Version!.Value, data.NeededBy, data.Attachments, lines)
        {
            CustomerOrder = data.CustomerOrder,
            PromisedDate = data.PromisedDate,
            StatedSupplier = data.SupplierDetails?.ToStated(),
        };
        return ErpRequisitionEvents.UpdateAsync(scope, change, policies, clock, ct);
    }

    private static Task<object> BudgetAsync(TenantScope scope, WebhookEnvelope e, TimeProvider clock, CancellationToken ct)
    {
        var d = e.DataAs<BudgetUpdatedData>();
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(d.CostCentre)) errors.Add("data.cost_centre", "is required");
        if (string.IsNullOrWhiteSpace(d.Period)) errors.Add("data.period", "is required");
        if (d.Amount is null) errors.Add("data.amount", "is required");
        else if (d.Amount < 0) errors.Add("data.amount", "must not be negative");
        if (d.Committed is < 0) errors.Add("data.committed", "must not be negative");
        if (d.Currency is not { Length: 3 } c || !c.All(char.IsAsciiLetterUpper)) errors.Add("data.currency", "must be a 3-letter ISO 4217 code in capitals");
        if (d.SnapshotAt is null) errors.Add("data.snapshot_at", "is required: the age of a budget decides whether it may be trusted");
        errors.ThrowIfAny();
        return ErpMasterDataEvents.ApplyBudgetAsync(scope, d.CostCentre!, d.Period!, d.Amount!.Value, d.Committed, d.Currency!, d.SnapshotAt!.Value,
            e.Version!.Value, WebhookEvents.Actor, clock, ct);
    }

    private static Task<object> SupplierAsync(TenantScope scope, WebhookEnvelope e, TimeProvider clock, CancellationToken ct)
    {
        var d = e.DataAs<SupplierStatusChangedData>();
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(d.SupplierId)) errors.Add("data.supplier_id", "is required");
        if (d.Status is null || !SupplierStatuses.Contains(d.Status)) errors.Add("data.status", $"must be one of {string.Join(", ", SupplierStatuses)}");
        if (d.Reason is { Length: > 2000 }) errors.Add("data.reason", "must be at most 2000 characters");
        errors.ThrowIfAny();
        return ErpMasterDataEvents.ApplySupplierStatusAsync(scope, d.SupplierId!, d.Status!, d.Reason, e.Version!.Value, WebhookEvents.Actor, clock, ct);
    }
}
