using AiGovernance.Core.Approvals;
using AiGovernance.Core.Checks;
using AiGovernance.Core.Policies;
using AiGovernance.Core.Requisitions;
using static AiGovernance.Core.Tests.Approvals.ApprovalTestData;

namespace AiGovernance.Core.Tests.Checks;

public class RequisitionHoldsTests
{
    private static readonly CheckReason SupplierHold = new(CheckCodes.SupplierOnHold, "supplier sup-1 is on hold");
    private static readonly CheckReason Shortfall = new(CheckCodes.BudgetInsufficient, "no budget");
    private static readonly StepTemplate Override =
        new(BudgetRule.OverrideStepName, StepMode.Sequential, 1, [new ApproverSpec(ApproverKind.Role, "finance_manager")], TimeSpan.FromHours(24), null);

    private static CheckOutcome Outcome(CheckReason[]? rejections = null, CheckReason[]? holds = null, CheckReason[]? flags = null,
        StepTemplate? extra = null) => new(rejections ?? [], holds ?? [], flags ?? [], extra);

    [Fact]
    public void A_hold_at_submission_stops_the_chain_before_it_starts()
    {
        var r = Pending("two-steps");

        var transition = r.ApplyChecks(Outcome(holds: [SupplierHold]), Now);

        Assert.Equal((CheckTransition.Held, RequisitionStatus.OnHold), (transition, r.Status));
        Assert.Equal([SupplierHold], r.HoldReasons);
        Assert.All(r.Steps, s => Assert.Equal(StepStatus.Waiting, s.Status));
        Assert.Empty(r.PendingApproverKeys());
    }

    [Fact]
    public void Releasing_a_hold_starts_the_chain_at_the_first_step()
    {
        var r = Pending("two-steps");
        r.ApplyChecks(Outcome(holds: [SupplierHold]), Now);

        var transition = r.ApplyChecks(Outcome(), Now.AddDays(1));

        Assert.Equal((CheckTransition.Released, RequisitionStatus.PendingApproval), (transition, r.Status));
        Assert.Empty(r.HoldReasons);
        Assert.Equal("first", r.ActiveStep?.Name);
        Assert.Equal(Now.AddDays(1), r.ActiveStep?.ActivatedAt);
        Assert.Equal(["role:approver"], r.PendingApproverKeys());
    }

    [Fact]
    public void A_rejection_rejects_and_records_the_reason_as_a_flag()
    {
        var blocked = new CheckReason(CheckCodes.SupplierBlocked, "supplier sup-1 is blocked: fraud");
        var r = Pending("owner");

        Assert.Equal(CheckTransition.Rejected, r.ApplyChecks(Outcome(rejections: [blocked], holds: [SupplierHold]), Now));

        Assert.Equal(RequisitionStatus.Rejected, r.Status);
        Assert.Equal([blocked], r.Flags);
        Assert.Empty(r.HoldReasons);
    }

    [Fact]
    public void The_budget_override_step_is_appended_once_and_turns_an_auto_approval_into_a_chain()
    {
        var r = New([]);
        r.StartApproval(autoApproved: true, Now);

        Assert.Equal(CheckTransition.Proceeds, r.ApplyChecks(Outcome(flags: [Shortfall], extra: Override), Now));

        Assert.Equal(RequisitionStatus.PendingApproval, r.Status);
        var step = Assert.Single(r.Steps);
        Assert.Equal((0, BudgetRule.OverrideStepName, StepStatus.Active), (step.Index, step.Name, step.Status));
        Assert.Equal(Now.AddHours(24), step.DueAt);
        Assert.Equal([Shortfall], r.Flags);
    }

    [Fact]
    public void Rechecking_replaces_check_reasons_but_keeps_other_holds()
    {
        var r = Pending("owner");
        r.ApplyChecks(Outcome(holds: [SupplierHold]), Now);
        var aiHold = new CheckReason(Requisition.AiHoldCode, "probable duplicate");
        r.HoldReasons.Add(aiHold);

        Assert.Equal(CheckTransition.StillHeld, r.ApplyChecks(Outcome(), Now));

        Assert.Equal([aiHold], r.HoldReasons);
        Assert.Equal(RequisitionStatus.OnHold, r.Status);
    }

    [Fact]
    public void Checks_never_apply_after_a_decision_was_taken()
    {
        var r = Pending("two-steps");
        r.Approve(new ApprovalActor("u-appr", new HashSet<string> { "approver" }));

        var ex = Assert.Throws<DomainException>(() => r.ApplyChecks(Outcome(holds: [SupplierHold]), Now));

        Assert.Equal("requisition_not_checkable", ex.Code);
    }
}
