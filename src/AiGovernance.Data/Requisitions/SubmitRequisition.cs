using AiGovernance.Core;
using AiGovernance.Core.Approvals;
using AiGovernance.Core.Policies;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Directory;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Tenancy;
using Npgsql;

namespace AiGovernance.Data.Requisitions;

/// <summary>
/// Submission: validate against the tenant's master data, route through the active policy, store
/// the requisition with its chain and log the routing decision — all in the caller's transaction.
/// </summary>
public static class SubmitRequisition
{
    public static async Task<StoredRequisition> ExecuteAsync(TenantScope scope, string requesterId, RequisitionDraft draft,
        PolicyCache policies, TimeProvider clock, CancellationToken ct, string? actor = null)
    {
        var now = clock.GetUtcNow();
        draft.Validate(DateOnly.FromDateTime(now.UtcDateTime));
        var context = await MasterData.LoadSubmissionContextAsync(scope, draft.LegalEntity, draft.CostCentre, draft.SupplierId, requesterId, ct);
        CheckMasterData(draft, context);

        var input = new RoutingInput(draft.Amount, draft.Currency, draft.Category, draft.LegalEntity, draft.CostCentre,
            context.SupplierRiskTier!, draft.Urgency, DuplicateProbability: null, PriceVariancePct: null);
        var (active, decision, steps, routing) = await RequisitionRouting.RouteAsync(scope, input, context.CostCentreOwner, requesterId, policies, ct);

        var requisition = new Requisition
        {
            Id = Guid.CreateVersion7(now),
            TenantId = scope.TenantId,
            Number = await RequisitionStore.NextNumberAsync(scope, ct),
            LegalEntity = draft.LegalEntity,
            CostCentre = draft.CostCentre,
            RequesterId = requesterId,
            SupplierId = draft.SupplierId,
            Category = draft.Category,
            Currency = draft.Currency,
            Urgency = draft.Urgency,
            NeededBy = draft.NeededBy,
            Lines = draft.Lines,
            Attachments = draft.Attachments ?? [],
            ExternalErpId = draft.ExternalErpId,
            SupplierReference = string.IsNullOrWhiteSpace(draft.SupplierReference) ? null : draft.SupplierReference.Trim(),
            CustomerOrder = string.IsNullOrWhiteSpace(draft.CustomerOrder) ? null : draft.CustomerOrder.Trim(),
            PromisedDate = draft.PromisedDate,
            StatedSupplier = draft.StatedSupplier?.Normalized(),
            Amount = draft.Amount,
            AmountInBase = decision.AmountInBase,
            BaseCurrency = decision.BaseCurrency,
            PolicyVersionId = active.Info.Id,
            Status = RequisitionStatus.PendingApproval,
            Steps = steps,
        };
        requisition.StartApproval(decision.AutoApproved, now);

        var routingJson = Json.Serialize(routing);
        try
        {
            await RequisitionStore.InsertAsync(scope, requisition, routingJson, now, ct);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == "requisitions_erp_id")
        {
            throw DomainException.Conflict("duplicate_external_erp_id", $"A requisition with external ERP id '{draft.ExternalErpId}' already exists.");
        }
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(
            decision.AutoApproved ? DecisionLogKinds.AutoApproval : DecisionLogKinds.Routing, actor ?? requesterId, "requisition", requisition.Number,
            new { requisition_id = requisition.Id, routing, chain = RequisitionRouting.ChainSummary(requisition.Steps) }), clock, ct);
        // Stated supplier details that disagree with the master go to accounts payable; the submission stands.
        await SupplierMasterMismatchCheck.RunAsync(scope, requisition, actor ?? requesterId, clock, ct);
        // The detectors score it in the background; their signals may add review steps (ApplyDetectionSignals).
        await Detection.DetectionJobs.ScheduleScoringAsync(scope, requisition.Id, now, ct);
        // The follow-up agent checks for missing documents and incomplete supplier onboarding.
        await FollowUp.FollowUpJobs.ScheduleAsync(scope, requisition.Id, clock, ct);
        // Supplier and budget checks may reject, hold or flag the routed requisition (a hold also stops an auto-approval).
        await Checks.PreApprovalGate.OnSubmittedAsync(scope, requisition, active.Policy, actor ?? requesterId, clock, ct);
        if (requisition.Status == RequisitionStatus.AutoApproved)
            await Approvals.RequisitionApproved.OnApprovedAsync(scope, requisition, clock, ct);
        return new StoredRequisition(requisition, routingJson, now, now);
    }

    private static void CheckMasterData(RequisitionDraft draft, SubmissionContext c)
    {
        var e = new FieldErrors();
        if (!c.LegalEntityExists) e.Add("legal_entity", $"unknown legal entity '{draft.LegalEntity}'");
        if (c.CostCentreLegalEntity is null) e.Add("cost_centre", $"unknown cost centre '{draft.CostCentre}'");
        else if (c.LegalEntityExists && c.CostCentreLegalEntity != draft.LegalEntity)
            e.Add("cost_centre", $"cost centre '{draft.CostCentre}' belongs to legal entity '{c.CostCentreLegalEntity}', not '{draft.LegalEntity}'");
        if (c.SupplierRiskTier is null) e.Add("supplier_id", $"unknown supplier '{draft.SupplierId}'");
        if (!c.RequesterExists) e.Add("requester", "the caller is not an active user of this tenant");
        e.ThrowIfAny();
    }
}
