using AiGovernance.Agents.FollowUp;
using AiGovernance.Agents.Tests.Infrastructure;

namespace AiGovernance.Agents.Tests.FollowUp;

public sealed class OfflinePlannerTests : IDisposable
{
    private readonly TempFiles _files = new();

    [Fact]
    public async Task Missing_quote_becomes_a_document_request_to_the_supplier_contact()
    {
        var result = await TestAgents.Offline().RunAsync(Cases.With(Cases.MissingQuote), CancellationToken.None);

        var draft = Assert.Single(result.Drafts);
        Assert.Equal(("supplier_contact", "orders@acme-supplies.example", "missing_document"), (draft.RecipientKind, draft.Recipient, draft.TriggerKind));
        Assert.Equal("REQ-000123: quote needed", draft.Subject);
        Assert.Contains("12,500.00 EUR, supplier Acme Supplies", draft.Body);
        Assert.Contains("Why: a quote is required above 10,000 EUR", draft.Body);
        Assert.Equal(1.0, draft.Confidence);
        Assert.Empty(result.Escalations);
    }

    [Fact]
    public async Task Missing_justification_goes_to_the_requester()
    {
        var result = await TestAgents.Offline().RunAsync(Cases.With(Cases.MissingJustification), CancellationToken.None);

        var draft = Assert.Single(result.Drafts);
        Assert.Equal(("requester", "u-anna"), (draft.RecipientKind, draft.Recipient));
        Assert.Equal("REQ-000123: business_justification needed", draft.Subject);
    }

    [Fact]
    public async Task Incomplete_onboarding_becomes_an_onboarding_request_listing_the_missing_items()
    {
        var result = await TestAgents.Offline().RunAsync(Cases.With(Cases.OnboardingIncomplete), CancellationToken.None);

        var draft = Assert.Single(result.Drafts);
        Assert.Equal(("supplier_contact", "supplier_onboarding_incomplete"), (draft.RecipientKind, draft.TriggerKind));
        Assert.Contains("Still missing: bank details, tax certificate.", draft.Body);
    }

    [Fact]
    public async Task Sla_near_becomes_a_nudge_to_the_approver()
    {
        var result = await TestAgents.Offline().RunAsync(Cases.With(Cases.SlaNear), CancellationToken.None);

        var draft = Assert.Single(result.Drafts);
        Assert.Equal(("approver", "u-david", "sla_near"), (draft.RecipientKind, draft.Recipient, draft.TriggerKind));
        Assert.Equal("Reminder: REQ-000123 awaits your approval (finance) by 2026-12-01 17:00 UTC", draft.Subject);
    }

    [Fact]
    public async Task Supplier_document_without_a_supplier_contact_is_requested_from_the_requester()
    {
        var @case = Cases.Build([Cases.MissingQuote], supplierEmail: null);

        var result = await TestAgents.Offline().RunAsync(@case, CancellationToken.None);

        var draft = Assert.Single(result.Drafts);
        Assert.Equal((RecipientKinds.Requester, @case.RequesterId), (draft.RecipientKind, draft.Recipient));
        Assert.Empty(result.Escalations);
    }

    [Fact]
    public async Task Nudge_without_step_or_due_time_is_escalated()
    {
        var vague = new FollowUpTrigger(TriggerKinds.SlaNear, "slow", ApproverId: "u-david");

        var result = await TestAgents.Offline().RunAsync(Cases.With(vague), CancellationToken.None);

        Assert.Empty(result.Drafts);
        Assert.Contains("the due time is not known", Assert.Single(result.Escalations).Reason);
    }

    [Fact]
    public async Task Threshold_comes_from_the_manifest()
    {
        var lenient = ManifestVariants.Load(_files, "confidence_threshold: 0.75", "confidence_threshold: 0.1");

        var result = await TestAgents.Offline(lenient).RunAsync(Cases.Build([Cases.OnboardingIncomplete], supplierEmail: null), CancellationToken.None);

        // The low score passes a 0.1 threshold, but nobody can be written to: the filter refuses rather than inventing an address.
        Assert.Empty(result.Drafts);
        Assert.Equal("the case has no supplier contact address", Assert.Single(result.RunLog.DeniedCalls).Reason);
    }

    [Fact]
    public async Task Every_trigger_is_handled_and_the_run_log_is_complete()
    {
        var @case = Cases.With(Cases.MissingQuote, Cases.OnboardingIncomplete, Cases.SlaNear);

        var result = await TestAgents.Offline().RunAsync(@case, CancellationToken.None);

        Assert.Equal(3, result.Drafts.Count);
        var log = result.RunLog;
        Assert.Equal(("follow-up", "1.0.0", "follow-up-agent", "1.0.0"), (log.AgentId, log.ManifestVersion, log.PromptId, log.PromptVersion));
        Assert.StartsWith("sha256:", log.PromptHash);
        Assert.Equal(("offline", "rule-based-planner", "offline-rules"), (log.Provider.Provider, log.Provider.Model, log.Planner));
        Assert.Equal(CaseJson.Hash(@case), log.InputHash);
        Assert.NotEqual(CaseJson.Hash(Cases.With(Cases.MissingQuote)), log.InputHash);
        Assert.Equal(3, log.AllowedCalls.Count);
        Assert.Empty(log.DeniedCalls);
        Assert.Equal(1.0, log.Confidence);
        Assert.Null(log.Usage);
        Assert.StartsWith("3 draft(s), 0 escalation(s): missing_document -> supplier_contact orders@acme-supplies.example", log.OutputSummary);
    }

    [Fact]
    public void Input_hash_does_not_depend_on_dictionary_order()
    {
        var a = Cases.Build([Cases.SlaNear], sentToday: new Dictionary<string, int> { ["approver:u-david"] = 1, ["requester:u-anna"] = 2 });
        var b = Cases.Build([Cases.SlaNear], sentToday: new Dictionary<string, int> { ["requester:u-anna"] = 2, ["approver:u-david"] = 1 });

        Assert.Equal(CaseJson.Hash(a), CaseJson.Hash(b));
    }

    public void Dispose() => _files.Dispose();
}
