using AiGovernance.Core.Approvals;
using AiGovernance.Core.Requisitions;
using static AiGovernance.Core.Tests.Approvals.ApprovalTestData;

namespace AiGovernance.Core.Tests.Approvals;

public class StepModeTests
{
    private static readonly ApprovalActor Alice = ApprovalActor.Of("u-alice", "approver");
    private static readonly ApprovalActor Bob = ApprovalActor.Of("u-bob", "approver");
    private static readonly ApprovalActor Cleo = ApprovalActor.Of("u-cleo", "approver");
    private static readonly ApprovalActor Boss = ApprovalActor.Of("u-boss", "finance_manager");

    [Fact]
    public void Sequential_opens_one_slot_at_a_time_in_listed_order()
    {
        var r = Pending("sequential");
        var step = r.ActiveStep!;

        Assert.Equal([0], step.OpenSlots().Select(s => s.Index));
        Assert.Equal(["role:approver"], r.PendingApproverKeys());

        var first = r.Approve(Alice);

        Assert.Equal((0, StepStatus.Active, RequisitionStatus.PendingApproval), (first.SlotIndex!.Value, first.StepStatusAfter, first.StatusAfter));
        Assert.Equal([1], step.OpenSlots().Select(s => s.Index));
        Assert.Equal(["user:u-boss"], r.PendingApproverKeys());

        var second = r.Approve(Boss);

        Assert.Equal((1, StepStatus.Approved, RequisitionStatus.Approved), (second.SlotIndex!.Value, second.StepStatusAfter, second.StatusAfter));
        Assert.Empty(r.PendingApproverKeys());
    }

    [Fact]
    public void Sequential_refuses_the_second_approver_before_the_first_has_approved()
    {
        var r = Pending("sequential");

        var ex = Refused(() => r.Approve(Boss), DomainErrorKind.Forbidden, "not_an_approver");

        Assert.Contains("role approver", ex.Message, StringComparison.Ordinal);
        Assert.All(r.ActiveStep!.Slots, s => Assert.Equal(SlotStatus.Pending, s.Status));
    }

    [Fact]
    public void Sequential_is_rejected_by_any_single_rejection()
    {
        var r = Pending("sequential");
        r.Approve(Alice);

        var outcome = r.Reject(Boss);

        Assert.Equal((StepStatus.Rejected, RequisitionStatus.Rejected), (outcome.StepStatusAfter, r.Status));
        Assert.Equal([SlotStatus.Approved, SlotStatus.Rejected], r.Steps[0].Slots.Select(s => s.Status));
    }

    [Fact]
    public void Parallel_quorum_stays_active_until_the_quorum_approves_then_skips_the_rest()
    {
        var r = Pending("quorum");

        Assert.Equal(3, r.ActiveStep!.OpenSlots().Count());
        Assert.Equal(StepStatus.Active, r.Approve(Bob).StepStatusAfter);
        Assert.Equal(2, r.ActiveStep!.OpenSlots().Count());

        var outcome = r.Approve(Alice);

        Assert.Equal((StepStatus.Approved, RequisitionStatus.Approved), (outcome.StepStatusAfter, r.Status));
        Assert.Equal([SlotStatus.Approved, SlotStatus.Approved, SlotStatus.Skipped], r.Steps[0].Slots.Select(s => s.Status));
        Assert.Equal(["u-bob", "u-alice", null], r.Steps[0].Slots.Select(s => s.DecidedBy));
    }

    [Fact]
    public void Parallel_quorum_survives_a_rejection_while_the_quorum_is_still_reachable()
    {
        var r = Pending("quorum");

        var outcome = r.Reject(Alice);

        Assert.Equal((StepStatus.Active, RequisitionStatus.PendingApproval), (outcome.StepStatusAfter, r.Status));
        r.Approve(Bob);
        r.Approve(Cleo);
        Assert.Equal(RequisitionStatus.Approved, r.Status);
    }

    [Fact]
    public void Parallel_quorum_is_rejected_once_the_quorum_can_no_longer_be_reached()
    {
        var r = Pending("quorum");
        r.Reject(Alice);

        var outcome = r.Reject(Bob);

        Assert.Equal((StepStatus.Rejected, RequisitionStatus.Rejected), (outcome.StepStatusAfter, r.Status));
        Assert.Equal([SlotStatus.Rejected, SlotStatus.Rejected, SlotStatus.Skipped], r.Steps[0].Slots.Select(s => s.Status));
    }

    [Fact]
    public void Parallel_quorum_refuses_the_same_person_twice_in_one_step()
    {
        var r = Pending("quorum");
        r.Approve(Alice);

        Refused(() => r.Approve(Alice), DomainErrorKind.Conflict, "already_decided");
        Assert.Equal(1, r.ActiveStep!.ApprovedCount);
    }

    [Fact]
    public void First_responder_approval_settles_the_step_and_skips_the_others()
    {
        var r = Pending("first-responder");
        var ops = ApprovalActor.Of("u-felix", "procurement_ops");

        var outcome = r.Approve(ops);

        Assert.Equal((2, StepStatus.Approved, RequisitionStatus.Approved), (outcome.SlotIndex!.Value, outcome.StepStatusAfter, r.Status));
        Assert.Equal([SlotStatus.Skipped, SlotStatus.Skipped, SlotStatus.Approved], r.Steps[0].Slots.Select(s => s.Status));
    }

    [Fact]
    public void First_responder_rejection_settles_the_step_as_rejected()
    {
        var r = Pending("first-responder");

        var outcome = r.Reject(ApprovalActor.Of(Owner));

        Assert.Equal((0, StepStatus.Rejected, RequisitionStatus.Rejected), (outcome.SlotIndex!.Value, outcome.StepStatusAfter, r.Status));
    }

    [Fact]
    public void First_responder_lists_every_open_slot_as_pending_approver_keys()
    {
        var r = Pending("first-responder");

        Assert.Equal([$"user:{Owner}", "role:approver", "role:procurement_ops"], r.PendingApproverKeys());
    }

    [Fact]
    public void A_direct_slot_is_preferred_and_the_first_matching_slot_is_filled()
    {
        var r = Pending("quorum");

        var outcome = r.Approve(Cleo);

        Assert.Equal(0, outcome.SlotIndex);
        Assert.Null(outcome.OnBehalfOf);
        Assert.Equal(Now, r.Steps[0].Slots[0].DecidedAt);
    }
}
