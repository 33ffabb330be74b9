using AiGovernance.Agents.FollowUp;
using AiGovernance.Core.Approvals;
using AiGovernance.Core.Policies;
using AiGovernance.Core.Recommendations;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Checks;
using AiGovernance.Data.Directory;
using AiGovernance.Data.Documents;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Worker.FollowUp;

/// <summary>
/// Builds the one-requisition case the follow-up agent sees. Everything the agent may know is read here,
/// in the requisition's tenant scope; the agent itself has no database access.
/// </summary>
public static class FollowUpCases
{
    public static async Task<FollowUpCase?> LoadAsync(TenantScope scope, StoredRequisition stored, ApprovalPolicy policy, DateTimeOffset now,
        CancellationToken ct)
    {
        var r = stored.Requisition;
        var supplier = await SupplierStore.GetAsync(scope, r.SupplierId, forUpdate: false, ct);
        var triggers = new List<FollowUpTrigger>();

        var present = (await DocumentStore.ListAsync(scope, DocumentSubjects.Requisition, r.Id.ToString(), ct))
            .Where(d => d.DocumentType is not null).Select(d => d.DocumentType!).ToList();
        var input = new RoutingInput(r.Amount, r.Currency, r.Category, r.LegalEntity, r.CostCentre, supplier?.RiskTier ?? "high", r.Urgency, null, null);
        foreach (var m in policy.Documents.Missing(policy, input, present))
            triggers.Add(new FollowUpTrigger(TriggerKinds.MissingDocument,
                $"{m.Description ?? m.RuleId}: no {m.DocumentKind} is attached ({string.Join("; ", m.Reasons)})", DocumentKind: m.DocumentKind));

        var onboardingIncomplete = supplier?.Status == "onboarding_incomplete";
        if (onboardingIncomplete)
            triggers.Add(new FollowUpTrigger(TriggerKinds.SupplierOnboardingIncomplete,
                $"supplier {supplier!.Name} has not completed onboarding{(supplier.StatusReason is { } why ? ": " + why : "")}"));

        // A step whose SLA reminder has fired and which is not yet due: its open approvers get a nudge.
        if (r.ActiveStep is { ReminderSentAt: not null, DueAt: { } due } step && due > now)
            foreach (var person in step.Slots.Where(s => s.Status == SlotStatus.Pending && s.Approver.Kind == ApproverRefKind.User).Select(s => s.Approver.Value).Distinct())
                triggers.Add(new FollowUpTrigger(TriggerKinds.SlaNear, $"step '{step.Name}' is due at {due:yyyy-MM-dd HH:mm} UTC",
                    ApproverId: person, StepName: step.Name, DueAt: due));

        if (triggers.Count == 0) return null;
        var contact = await SupplierStore.ContactEmailAsync(scope, r.SupplierId, ct);
        return new FollowUpCase(scope.TenantId.ToString(), r.Id.ToString(), r.Number, Title(r), r.RequesterId, r.Amount, r.Currency, r.Category,
            new SupplierFacts(r.SupplierId, supplier?.Name ?? r.SupplierId, contact, !onboardingIncomplete,
                onboardingIncomplete && supplier?.StatusReason is { } reason ? [reason] : []),
            triggers, await SentTodayAsync(scope, now, ct));
    }

    private static string Title(Requisition r) =>
        r.Lines.Count == 0 ? r.Number : r.Lines.Count == 1 ? r.Lines[0].Description : $"{r.Lines[0].Description} and {r.Lines.Count - 1} more line(s)";

    /// <summary>
    /// Drafts per recipient since midnight UTC that were not turned down: pending ones count, so the agent
    /// cannot pile up drafts for one person faster than reviewers clear them.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, int>> SentTodayAsync(TenantScope scope, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            SELECT payload->>'recipient_key', count(*)::int FROM recommendations
            WHERE kind = $1 AND created_at >= $2 AND status IN ('pending', 'accepted', 'edited') AND payload ? 'recipient_key'
            GROUP BY 1
            """);
        cmd.Parameters.AddWithValue(RecommendationKinds.FollowUpMessage);
        cmd.Parameters.AddWithValue(new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero));
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) counts[reader.GetString(0)] = reader.GetInt32(1);
        return counts;
    }
}
