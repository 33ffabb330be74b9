using AiGovernance.Core.Approvals;
using AiGovernance.Core.Requisitions;
using static AiGovernance.Core.Tests.Approvals.ApprovalTestData;

namespace AiGovernance.Core.Tests.Approvals;

public class RequisitionDecideTests
{
    private static readonly ApprovalActor David = ApprovalActor.Of("u-david", "approver");
    private static readonly ApprovalActor Karl = ApprovalActor.Of("u-karl", "finance_manager");

    [Fact]
    public void StartApproval_activates_the_first_step_and_sets_its_due_time_from_the_sla()
    {
        var r = New(ApprovalChain.Build(Templates("two-steps"), null));

        r.StartApproval(autoApproved: false, Now);

        Assert.Equal(RequisitionStatus.PendingApproval, r.Status);
        Assert.Same(r.Steps[0], r.ActiveStep);
        Assert.Equal((Now, Now.AddHours(8)), (r.Steps[0].ActivatedAt!.Value, r.Steps[0].DueAt!.Value));
        Assert.Equal(StepStatus.Waiting, r.Steps[1].Status);
    }

    [Fact]
    public void StartApproval_without_an_sla_leaves_no_due_time()
    {
        var r = Pending("sequential");

        Assert.NotNull(r.ActiveStep!.ActivatedAt);
        Assert.Null(r.ActiveStep.DueAt);
    }

    [Fact]
    public void StartApproval_auto_approves_when_routing_says_so_or_the_chain_is_empty()
    {
        var auto = New(ApprovalChain.Build(Templates("two-steps"), null));
        var empty = New([]);

        auto.StartApproval(autoApproved: true, Now);
        empty.StartApproval(autoApproved: false, Now);

        Assert.Equal(RequisitionStatus.AutoApproved, auto.Status);
        Assert.Equal(RequisitionStatus.AutoApproved, empty.Status);
        Assert.Null(auto.ActiveStep);
        Assert.Empty(auto.PendingApproverKeys());
    }

    [Fact]
    public void Approve_advances_to_the_next_step_and_the_last_approval_ends_approved()
    {
        var r = Pending("two-steps", amountInBase: 5000m);
        var later = Now.AddHours(3);

        var first = r.Decide(David, [], DecisionKind.Approve, 0, "ok", Policy, later);

        Assert.Equal(new DecisionOutcome(DecisionKind.Approve, 0, "first", 0, "u-david", null, StepStatus.Approved,
            RequisitionStatus.PendingApproval, RequisitionStatus.PendingApproval, "ok"), first);
        Assert.Same(r.Steps[1], r.ActiveStep);
        Assert.Equal((later, later.AddDays(2)), (r.Steps[1].ActivatedAt!.Value, r.Steps[1].DueAt!.Value));
        Assert.Equal(["role:finance_manager"], r.PendingApproverKeys());
        Assert.Equal(("u-david", "ok", later), (r.Steps[0].Slots[0].DecidedBy!, r.Steps[0].Slots[0].Comment!, r.Steps[0].Slots[0].DecidedAt!.Value));

        var second = r.Decide(Karl, [], DecisionKind.Approve, 1, null, Policy, later);

        Assert.Equal((RequisitionStatus.PendingApproval, RequisitionStatus.Approved), (second.StatusBefore, second.StatusAfter));
        Assert.Equal(RequisitionStatus.Approved, r.Status);
        Assert.Null(r.ActiveStep);
        Assert.All(r.Steps, s => Assert.Equal(StepStatus.Approved, s.Status));
    }

    [Fact]
    public void Reject_ends_the_requisition_rejected_and_later_steps_never_start()
    {
        var r = Pending("two-steps");

        var outcome = r.Reject(David);

        Assert.Equal((DecisionKind.Reject, RequisitionStatus.Rejected), (outcome.Kind, outcome.StatusAfter));
        Assert.Equal(RequisitionStatus.Rejected, r.Status);
        Assert.Equal(StepStatus.Waiting, r.Steps[1].Status);
        Assert.Equal(SlotStatus.Rejected, r.Steps[0].Slots[0].Status);
    }

    [Fact]
    public void RequestInfo_pauses_the_requisition_without_filling_a_slot_and_ProvideInformation_resumes_the_same_step()
    {
        var r = Pending("two-steps");

        var asked = r.Decide(David, [], DecisionKind.RequestInfo, null, "which project?", Policy, Now);

        Assert.Equal((RequisitionStatus.PendingApproval, RequisitionStatus.InfoRequested, (int?)null), (asked.StatusBefore, asked.StatusAfter, asked.SlotIndex));
        Assert.Equal(RequisitionStatus.InfoRequested, r.Status);
        Assert.Empty(r.PendingApproverKeys());
        Assert.Equal(SlotStatus.Pending, r.Steps[0].Slots[0].Status);
        Assert.Null(r.Steps[0].Slots[0].DecidedBy);

        r.ProvideInformation(Requester);

        Assert.Equal(RequisitionStatus.PendingApproval, r.Status);
        Assert.Same(r.Steps[0], r.ActiveStep);
        // The person who asked may still decide: asking is not filling the slot.
        Assert.Equal(StepStatus.Approved, r.Approve(David).StepStatusAfter);
    }

    [Fact]
    public void Decisions_are_refused_while_information_is_requested()
    {
        var r = Pending("two-steps");
        r.Decide(David, [], DecisionKind.RequestInfo, null, null, Policy, Now);

        var ex = Refused(() => r.Approve(David), DomainErrorKind.Conflict, "requisition_not_pending");

        Assert.Contains("info_requested", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProvideInformation_is_only_for_the_requester()
    {
        var r = Pending("two-steps");
        r.Decide(David, [], DecisionKind.RequestInfo, null, null, Policy, Now);

        Refused(() => r.ProvideInformation("u-david"), DomainErrorKind.Forbidden, "not_the_requester");
        Assert.Equal(RequisitionStatus.InfoRequested, r.Status);
    }

    [Fact]
    public void ProvideInformation_without_a_request_is_a_conflict()
    {
        var r = Pending("two-steps");

        Refused(() => r.ProvideInformation(Requester), DomainErrorKind.Conflict, "no_information_requested");
    }

    [Theory]
    [InlineData(DecisionKind.Approve)]
    [InlineData(DecisionKind.Reject)]
    [InlineData(DecisionKind.RequestInfo)]
    public void A_finished_requisition_takes_no_more_decisions(DecisionKind kind)
    {
        var approved = Pending("owner");
        approved.Approve(ApprovalActor.Of(Owner, "approver"));
        var rejected = Pending("owner");
        rejected.Reject(ApprovalActor.Of(Owner));
        var auto = New(ApprovalChain.Build(Templates("owner"), Owner));
        auto.StartApproval(autoApproved: true, Now);

        foreach (var r in new[] { approved, rejected, auto })
            Refused(() => r.Decide(ApprovalActor.Of("u-someone", "approver", "cfo"), [], kind, null, null, Policy, Now),
                DomainErrorKind.Conflict, "requisition_not_pending");
    }

    [Fact]
    public void A_decision_for_a_step_that_is_not_active_is_a_conflict()
    {
        var r = Pending("two-steps");

        var ex = Refused(() => r.Decide(Karl, [], DecisionKind.Approve, 1, null, Policy, Now), DomainErrorKind.Conflict, "step_not_active");

        Assert.Contains("'first'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Waiting, r.Steps[1].Status);
    }

    [Fact]
    public void A_decision_naming_the_active_step_is_accepted()
    {
        var r = Pending("two-steps");

        Assert.Equal(0, r.Decide(David, [], DecisionKind.Approve, 0, null, Policy, Now).StepIndex);
    }

    [Fact]
    public void An_undefined_decision_kind_is_unprocessable()
    {
        var r = Pending("two-steps");

        Refused(() => r.Decide(David, [], (DecisionKind)42, null, null, Policy, Now), DomainErrorKind.Unprocessable, "unknown_decision");
        Assert.Equal(SlotStatus.Pending, r.Steps[0].Slots[0].Status);
    }

    [Fact]
    public void Deciding_twice_on_the_same_step_is_already_decided()
    {
        var r = Pending("sequential");
        var both = ApprovalActor.Of("u-boss", "approver");
        r.Approve(both);

        // u-boss filled slot 0 through the role and now is the named user of slot 1.
        Refused(() => r.Approve(both), DomainErrorKind.Conflict, "already_decided");
        Assert.Equal(StepStatus.Active, r.Steps[0].Status);
    }
}
