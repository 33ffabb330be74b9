using AiGovernance.Core;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Checks;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Webhooks;

/// <summary>What a requisition.updated event asks to change; null fields stay as they are.</summary>
public sealed record ErpRequisitionChange(
    string ExternalErpId,
    long Version,
    DateOnly? NeededBy,
    IReadOnlyList<RequisitionAttachment>? Attachments,
    IReadOnlyList<RequisitionLine>? Lines)
{
    /// <summary>The customer order the purchase serves (set or changed by the ERP).</summary>
    public string? CustomerOrder { get; init; }
    public DateOnly? PromisedDate { get; init; }
    /// <summary>The supplier details the ERP has (e.g. from the invoice); compared with the supplier master again.</summary>
    public StatedSupplier? StatedSupplier { get; init; }
}

/// <summary>
/// requisition.created and requisition.updated from the ERP, applied in the caller's transaction (the
/// one that also records the event id). Each returns the result stored with the event and echoed to
/// the ERP, also on redelivery.
/// </summary>
public static class ErpRequisitionEvents
{
    private const string CreateSavepoint = "erp_requisition_create";

    public static async Task<object> CreateAsync(TenantScope scope, string requesterId, RequisitionDraft draft, long? version,
        PolicyCache policies, TimeProvider clock, CancellationToken ct)
    {
        var erpId = draft.ExternalErpId ?? throw ValidationFailedException.Single("data.external_erp_id", "is required");
        if (await RequisitionStore.FindByErpIdAsync(scope, erpId, ct) is { } existing) return AlreadyExists(existing);

        // A concurrent event with another id but the same ERP id may win the unique index; the savepoint
        // lets this transaction survive that and still record its event as "already exists".
        await scope.Transaction.SaveAsync(CreateSavepoint, ct);
        StoredRequisition stored;
        try
        {
            stored = await SubmitRequisition.ExecuteAsync(scope, requesterId, draft, policies, clock, ct, WebhookEvents.Actor);
        }
        catch (DomainException ex) when (ex.Code == "duplicate_external_erp_id")
        {
            await scope.Transaction.RollbackAsync(CreateSavepoint, ct);
            return AlreadyExists((await RequisitionStore.FindByErpIdAsync(scope, erpId, ct))!);
        }
        if (version is { } v) await ErpRequisitionStore.SetErpVersionAsync(scope, stored.Requisition.Id, v, ct);
        var r = stored.Requisition;
        return new
        {
            status = "created",
            requisition_id = r.Id,
            number = r.Number,
            requisition_status = r.Status.ToSnakeCase(),
            amount = r.Amount,
            currency = r.Currency,
        };
    }

    /// <summary>
    /// Applies an update unless a newer (or the same) version was applied already: the ERP may deliver
    /// updates out of order, and the highest version wins.
    /// </summary>
    public static async Task<object> UpdateAsync(TenantScope scope, ErpRequisitionChange change, PolicyCache policies, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (id, storedVersion) = await ErpRequisitionStore.LockByErpIdAsync(scope, change.ExternalErpId, ct)
            ?? throw DomainException.Unprocessable("webhook_requisition_unknown",
                $"No requisition has external ERP id '{change.ExternalErpId}' (yet); deliver requisition.created first.");
        if (storedVersion is { } sv && change.Version <= sv)
            return new { status = "stale_version", requisition_id = id, version = change.Version, stored_version = sv };

        var current = (await RequisitionStore.GetAsync(scope, id, ct))!.Requisition;
        // Validate the requisition as it would be after the change, with the same rules as a submission.
        // Dates are checked only when the event sets them: a stored date that has since passed is history, not an error.
        new RequisitionDraft(current.LegalEntity, current.CostCentre, current.SupplierId, current.Category, current.Currency, current.Urgency,
            change.NeededBy, change.Lines ?? current.Lines, change.Attachments ?? current.Attachments, current.ExternalErpId)
        {
            CustomerOrder = change.CustomerOrder ?? current.CustomerOrder,
            PromisedDate = change.PromisedDate,
            StatedSupplier = change.StatedSupplier,
        }.Validate(DateOnly.FromDateTime(now.UtcDateTime));

        var updated = current.WithErpDetails(change.NeededBy, change.Attachments)
            .WithErpCommitment(change.CustomerOrder, change.PromisedDate, change.StatedSupplier);
        var rerouted = change.Lines is { } lines && !lines.SequenceEqual(current.Lines);
        if (!rerouted)
            await ErpRequisitionStore.SaveAsync(scope, updated, null, change.Version, now, ct);
        else
        {
            var route = await RerouteRequisition.RouteAsync(scope, updated, change.Lines!, policies, clock, ct);
            await ErpRequisitionStore.SaveAsync(scope, route.Requisition, route.RoutingJson, change.Version, now, ct);
            await RerouteRequisition.CheckAsync(scope, route, clock, ct);
        }
        var commitmentChanged = await ErpCommitmentChanges.LogAsync(scope, current, updated, change.Version, clock, ct);
        var mismatch = updated.StatedSupplier is not null && updated.StatedSupplier != current.StatedSupplier
            ? await SupplierMasterMismatchCheck.RunAsync(scope, updated, WebhookEvents.Actor, clock, ct)
            : null;
        var after = (await RequisitionStore.GetAsync(scope, id, ct))!.Requisition;
        return new
        {
            status = "updated",
            requisition_id = id,
            number = after.Number,
            version = change.Version,
            rerouted,
            requisition_status = after.Status.ToSnakeCase(),
            amount = after.Amount,
            commitment_changed = commitmentChanged,
            supplier_master_mismatch = mismatch?.HasMismatch ?? false,
        };
    }

    private static object AlreadyExists(StoredRequisition existing) => new
    {
        status = "already_exists",
        requisition_id = existing.Requisition.Id,
        number = existing.Requisition.Number,
        external_erp_id = existing.Requisition.ExternalErpId,
    };
}
