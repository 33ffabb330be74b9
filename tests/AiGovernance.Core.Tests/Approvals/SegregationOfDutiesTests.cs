using AiGovernance.Core.Approvals;
using AiGovernance.Core.Requisitions;
using static AiGovernance.Core.Tests.Approvals.ApprovalTestData;

namespace AiGovernance.Core.Tests.Approvals;

public class SegregationOfDutiesTests
{
    private static readonly ApprovalActor David = ApprovalActor.Of("u-david", "approver");
    private static readonly ApprovalActor Karl = ApprovalActor.Of("u-karl", "finance_manager");
    private static readonly ApprovalActor Dan = ApprovalActor.Of("u-dan");

    [Theory]
    [InlineData(DecisionKind.Approve)]
    [InlineData(DecisionKind.Reject)]
    [InlineData(DecisionKind.RequestInfo)]
    public void A_requester_who_also_holds_the_approver_role_cannot_decide_on_their_own_requisition(DecisionKind kind)
    {
        var r = Pending("two-steps", requester: "u-carla");
        var carla = ApprovalActor.Of("u-carla", "requester", "approver");

        Refused(() => r.Decide(carla, [], kind, null, null, Policy, Now), DomainErrorKind.Forbidden, SegregationOfDuties.RequesterCannotApprove);

        Assert.Equal(RequisitionStatus.PendingApproval, r.Status);
        Assert.Null(r.Steps[0].Slots[0].DecidedBy);
    }

    [Fact]
    public void A_requester_named_as_cost_centre_owner_cannot_approve_either()
    {
        var r = Pending("owner", requester: "u-owner", owner: "u-owner");

        Refused(() => r.Approve(ApprovalActor.Of("u-owner", "approver")), DomainErrorKind.Forbidden, SegregationOfDuties.RequesterCannotApprove);
    }

    [Fact]
    public void The_requester_hears_the_sod_reason_even_without_an_eligible_role()
    {
        var r = Pending("two-steps");

        Refused(() => r.Approve(ApprovalActor.Of(Requester, "requester")), DomainErrorKind.Forbidden, SegregationOfDuties.RequesterCannotApprove);
    }

    [Fact]
    public void One_person_cannot_fill_two_steps_of_one_chain()
    {
        var r = Pending("two-steps");
        var both = ApprovalActor.Of("u-pat", "approver", "finance_manager");
        r.Approve(both);

        var ex = Refused(() => r.Approve(both), DomainErrorKind.Forbidden, SegregationOfDuties.OnePersonTwoSteps);

        Assert.Contains("'first'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Active, r.Steps[1].Status);
        Assert.Equal(SlotStatus.Pending, r.Steps[1].Slots[0].Status);
    }

    [Fact]
    public void A_delegator_who_already_acted_through_a_delegate_cannot_fill_another_step()
    {
        var r = Pending("two-steps");
        var pat = ApprovalActor.Of("u-pat", "approver", "finance_manager");
        r.Approve(Dan, pat);

        Refused(() => r.Approve(pat), DomainErrorKind.Forbidden, SegregationOfDuties.OnePersonTwoSteps);
    }

    [Fact]
    public void A_delegate_who_acted_in_an_earlier_step_cannot_act_again_for_someone_else()
    {
        var r = Pending("two-steps");
        r.Approve(ApprovalActor.Of("u-dan", "approver"));

        Refused(() => r.Approve(Dan, Karl), DomainErrorKind.Forbidden, SegregationOfDuties.OnePersonTwoSteps);
    }

    [Fact]
    public void Someone_without_an_eligible_role_is_not_an_approver()
    {
        var r = Pending("two-steps");

        var ex = Refused(() => r.Approve(Karl), DomainErrorKind.Forbidden, SegregationOfDuties.NotAnApprover);

        Assert.Contains("role approver", ex.Message, StringComparison.Ordinal);
        Assert.Contains("u-karl", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delegate_whose_delegators_are_not_eligible_either_is_not_an_approver()
    {
        var r = Pending("two-steps");

        Refused(() => r.Approve(Dan, Karl), DomainErrorKind.Forbidden, SegregationOfDuties.NotAnApprover);
    }

    [Theory]
    [InlineData(10_000.01)]
    [InlineData(20_000)]
    public void The_final_approval_needs_authority_for_the_amount(decimal amount)
    {
        var r = Pending("owner", amountInBase: amount);

        var ex = Refused(() => r.Approve(ApprovalActor.Of(Owner, "approver")), DomainErrorKind.Forbidden, SegregationOfDuties.AuthorityLimitExceeded);

        Assert.Contains("10,000.00", ex.Message, StringComparison.Ordinal);
        Assert.Equal(RequisitionStatus.PendingApproval, r.Status);
        Assert.Equal(SlotStatus.Pending, r.Steps[0].Slots[0].Status);
    }

    [Fact]
    public void The_authority_limit_is_inclusive_and_the_highest_role_counts()
    {
        var atLimit = Pending("owner", amountInBase: 10_000m);
        var higherRole = Pending("owner", amountInBase: 20_000m);

        atLimit.Approve(ApprovalActor.Of(Owner, "approver"));
        higherRole.Approve(ApprovalActor.Of(Owner, "approver", "procurement_ops"));

        Assert.Equal(RequisitionStatus.Approved, atLimit.Status);
        Assert.Equal(RequisitionStatus.Approved, higherRole.Status);
    }

    [Fact]
    public void A_final_approver_with_no_limited_role_has_no_authority()
    {
        var r = Pending("owner", amountInBase: 1m);

        Refused(() => r.Approve(ApprovalActor.Of(Owner)), DomainErrorKind.Forbidden, SegregationOfDuties.AuthorityLimitExceeded);
    }

    [Fact]
    public void Authority_is_checked_only_on_the_final_step()
    {
        var r = Pending("two-steps", amountInBase: 60_000m);

        r.Approve(David);

        Assert.Same(r.Steps[1], r.ActiveStep);
        Assert.Equal(RequisitionStatus.Approved, (r.Approve(Karl), r.Status).Status);
    }

    [Fact]
    public void Authority_is_checked_on_the_final_step_of_a_longer_chain()
    {
        var r = Pending("two-steps", amountInBase: 150_000m);
        r.Approve(David);

        Refused(() => r.Approve(Karl), DomainErrorKind.Forbidden, SegregationOfDuties.AuthorityLimitExceeded);
    }

    [Theory]
    [InlineData(DecisionKind.Reject, RequisitionStatus.Rejected)]
    [InlineData(DecisionKind.RequestInfo, RequisitionStatus.InfoRequested)]
    public void Rejecting_or_asking_needs_no_authority(DecisionKind kind, RequisitionStatus after)
    {
        var r = Pending("owner", amountInBase: 1_000_000m);

        r.Decide(ApprovalActor.Of(Owner, "approver"), [], kind, null, null, Policy, Now);

        Assert.Equal(after, r.Status);
    }

    [Fact]
    public void A_delegate_acting_for_a_delegator_records_on_behalf_of_and_uses_the_delegators_authority()
    {
        var r = Pending("owner", amountInBase: 5_000m);
        var owner = ApprovalActor.Of(Owner, "approver");

        var outcome = r.Approve(Dan, owner);

        Assert.Equal(("u-dan", Owner), (outcome.ActorId, outcome.OnBehalfOf!));
        var slot = r.Steps[0].Slots[0];
        Assert.Equal(("u-dan", Owner), (slot.DecidedBy!, slot.OnBehalfOf!));
        Assert.Equal(["u-dan", Owner], slot.People());
        Assert.Equal(RequisitionStatus.Approved, r.Status);
    }

    [Fact]
    public void A_delegate_is_limited_by_the_delegators_authority_not_their_own()
    {
        var r = Pending("owner", amountInBase: 50_000m);
        var richDelegate = ApprovalActor.Of("u-lena", "cfo", "finance_manager");

        Refused(() => r.Approve(richDelegate, ApprovalActor.Of(Owner, "approver")), DomainErrorKind.Forbidden, SegregationOfDuties.AuthorityLimitExceeded);
    }

    [Fact]
    public void A_delegate_picks_the_first_delegator_who_can_fill_an_open_slot()
    {
        var r = Pending("two-steps");

        var outcome = r.Approve(Dan, Karl, David);

        Assert.Equal("u-david", outcome.OnBehalfOf);
    }

    [Fact]
    public void Someone_who_can_act_directly_acts_for_themselves_even_with_delegations()
    {
        var r = Pending("two-steps");

        var outcome = r.Approve(David, ApprovalActor.Of("u-esther", "approver"));

        Assert.Null(outcome.OnBehalfOf);
        Assert.Null(r.Steps[0].Slots[0].OnBehalfOf);
    }

    [Fact]
    public void A_delegate_who_is_the_requester_is_refused()
    {
        var r = Pending("owner");

        Refused(() => r.Approve(ApprovalActor.Of(Requester), ApprovalActor.Of(Owner, "approver")),
            DomainErrorKind.Forbidden, SegregationOfDuties.RequesterCannotApprove);
        Assert.Null(r.Steps[0].Slots[0].DecidedBy);
    }

    [Fact]
    public void A_delegate_acting_for_the_requester_is_refused()
    {
        var r = Pending("owner", requester: Owner);

        Refused(() => r.Approve(Dan, ApprovalActor.Of(Owner, "approver")), DomainErrorKind.Forbidden, SegregationOfDuties.RequesterCannotApprove);
    }
}
