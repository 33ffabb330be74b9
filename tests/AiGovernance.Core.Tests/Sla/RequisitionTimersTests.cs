using AiGovernance.Core.Approvals;
using AiGovernance.Core.Requisitions;
using static AiGovernance.Core.Tests.Approvals.ApprovalTestData;

namespace AiGovernance.Core.Tests.Sla;

/// <summary>The pure SLA timer logic: when timers are due, what fires, and that each fires once.</summary>
public class RequisitionTimersTests
{
    private const double Fraction = SlaClock.DefaultReminderFraction;
    private static readonly ApprovalActor Ops = ApprovalActor.Of("u-ops", "procurement_ops");

    [Fact]
    public void The_first_timer_is_the_reminder_at_three_quarters_of_the_sla()
    {
        var r = Pending("owner");

        Assert.Equal(Now.AddHours(18), r.NextTimerAt(Fraction));
        Assert.Equal(Now.AddHours(12), r.NextTimerAt(0.5));
    }

    [Fact]
    public void Nothing_fires_before_the_reminder_is_due()
    {
        var r = Pending("owner");

        Assert.Empty(r.ApplyDueTimers(Now.AddHours(18).AddTicks(-1), Fraction));
        Assert.Null(r.ActiveStep!.ReminderSentAt);
    }

    [Fact]
    public void The_reminder_fires_once_and_the_next_timer_becomes_the_due_time()
    {
        var r = Pending("owner");
        var at = Now.AddHours(19);

        var fired = Assert.Single(r.ApplyDueTimers(at, Fraction));
        Assert.Equal(SlaTimerKind.Reminder, fired.Kind);
        Assert.Equal((0, "owner-approval", Now.AddHours(24)), (fired.StepIndex, fired.StepName, fired.DueAt));
        Assert.Equal([new ApproverRef(ApproverRefKind.User, Owner)], fired.Approvers);
        Assert.Equal(at, r.ActiveStep!.ReminderSentAt);

        Assert.Empty(r.ApplyDueTimers(at, Fraction));
        Assert.Empty(r.ApplyDueTimers(Now.AddHours(23), Fraction));
        Assert.Equal(Now.AddHours(24), r.NextTimerAt(Fraction));
    }

    [Fact]
    public void On_breach_the_escalation_target_becomes_an_approver_and_the_original_approver_keeps_the_slot()
    {
        var r = Pending("owner");
        r.ApplyDueTimers(Now.AddHours(18), Fraction);

        var fired = Assert.Single(r.ApplyDueTimers(Now.AddHours(24), Fraction));

        Assert.Equal(SlaTimerKind.Escalation, fired.Kind);
        Assert.Equal(new ApproverRef(ApproverRefKind.Role, "procurement_ops"), fired.EscalatedTo);
        Assert.Equal(["user:u-owner", "role:procurement_ops"], r.PendingApproverKeys());
        Assert.True(r.ActiveStep!.Slots[0].Admits(Ops));
        Assert.True(r.ActiveStep.Slots[0].Admits(ApprovalActor.Of(Owner, "approver")));
        Assert.Null(r.NextTimerAt(Fraction));
        Assert.Empty(r.ApplyDueTimers(Now.AddHours(48), Fraction));
    }

    [Fact]
    public void The_escalation_target_can_approve_after_the_breach_but_not_before()
    {
        var before = Pending("owner");
        Refused(() => before.Approve(Ops), DomainErrorKind.Forbidden, SegregationOfDuties.NotAnApprover);

        var r = Pending("owner");
        r.ApplyDueTimers(Now.AddHours(25), Fraction);
        var outcome = r.Approve(Ops);

        Assert.Equal(RequisitionStatus.Approved, outcome.StatusAfter);
        Assert.Equal("u-ops", r.Steps[0].Slots[0].DecidedBy);
    }

    [Fact]
    public void Segregation_of_duties_still_binds_the_escalation_target()
    {
        var r = Pending("owner", requester: "u-ops");
        r.ApplyDueTimers(Now.AddHours(25), Fraction);

        Refused(() => r.Approve(Ops), DomainErrorKind.Forbidden, SegregationOfDuties.RequesterCannotApprove);
    }

    [Fact]
    public void A_step_without_an_escalation_target_is_only_marked_breached()
    {
        var r = Pending("two-steps");

        var fired = Assert.Single(r.ApplyDueTimers(Now.AddHours(8), Fraction));

        Assert.Equal(SlaTimerKind.Breached, fired.Kind);
        Assert.Null(fired.EscalatedTo);
        Assert.All(r.ActiveStep!.Slots, s => Assert.Null(s.EscalatedTo));
        Assert.Equal(["role:approver"], r.PendingApproverKeys());
        Assert.Null(r.NextTimerAt(Fraction));
    }

    [Fact]
    public void When_the_worker_was_away_past_the_due_time_only_the_escalation_fires()
    {
        var r = Pending("owner");

        var fired = Assert.Single(r.ApplyDueTimers(Now.AddDays(3), Fraction));

        Assert.Equal(SlaTimerKind.Escalation, fired.Kind);
        Assert.Null(r.ActiveStep!.ReminderSentAt);
    }

    [Fact]
    public void The_next_step_gets_its_own_timers_from_its_activation()
    {
        var r = Pending("two-steps");
        r.ApplyDueTimers(Now.AddHours(7), Fraction);
        var approvedAt = Now.AddHours(7.5);

        r.Decide(ApprovalActor.Of("u-appr", "approver"), [], DecisionKind.Approve, 0, null, Policy, approvedAt);

        Assert.Equal(1, r.ActiveStep!.Index);
        Assert.Null(r.ActiveStep.ReminderSentAt);
        Assert.Equal(approvedAt.AddHours(36), r.NextTimerAt(Fraction));
        Assert.Empty(r.ApplyDueTimers(approvedAt.AddHours(30), Fraction));
        Assert.Equal(SlaTimerKind.Reminder, Assert.Single(r.ApplyDueTimers(approvedAt.AddHours(36), Fraction)).Kind);
    }

    [Fact]
    public void A_decided_requisition_has_no_timers()
    {
        var r = Pending("owner");
        r.Approve(ApprovalActor.Of(Owner, "approver"));

        Assert.Null(r.NextTimerAt(Fraction));
        Assert.Empty(r.ApplyDueTimers(Now.AddDays(5), Fraction));
    }

    [Fact]
    public void Timers_wait_while_information_is_requested_and_resume_afterwards()
    {
        var r = Pending("owner");
        r.Decide(ApprovalActor.Of(Owner, "approver"), [], DecisionKind.RequestInfo, 0, "which model?", Policy, Now);

        Assert.Null(r.NextTimerAt(Fraction));
        Assert.Empty(r.ApplyDueTimers(Now.AddHours(30), Fraction));

        r.ProvideInformation(Requester);
        Assert.Equal(Now.AddHours(18), r.NextTimerAt(Fraction));
        Assert.Equal(SlaTimerKind.Escalation, Assert.Single(r.ApplyDueTimers(Now.AddHours(30), Fraction)).Kind);
    }

    [Fact]
    public void A_step_without_an_sla_has_no_timers()
    {
        var r = Pending("sequential");

        Assert.Null(r.NextTimerAt(Fraction));
        Assert.Empty(r.ApplyDueTimers(Now.AddYears(1), Fraction));
    }

    [Fact]
    public void The_expedited_first_responder_step_reminds_after_90_minutes_and_escalates_at_two_hours()
    {
        var r = Pending("first-responder");

        Assert.Equal(Now.AddMinutes(90), r.NextTimerAt(Fraction));
        Assert.Equal(SlaTimerKind.Reminder, Assert.Single(r.ApplyDueTimers(Now.AddMinutes(90), Fraction)).Kind);
        var escalation = Assert.Single(r.ApplyDueTimers(Now.AddHours(2), Fraction));
        Assert.Equal(new ApproverRef(ApproverRefKind.User, Owner), escalation.EscalatedTo);
    }

    [Fact]
    public void A_sequential_step_escalates_every_pending_slot_so_later_slots_are_covered_too()
    {
        var steps = ApprovalChain.Build(Templates("sequential"), Owner);
        var step = steps[0];
        var r = New([new ApprovalStep { Index = 0, Name = step.Name, Mode = step.Mode, Quorum = step.Quorum, Slots = step.Slots,
            Sla = TimeSpan.FromHours(4), EscalateTo = new ApproverRef(ApproverRefKind.Role, "procurement_ops") }]);
        r.StartApproval(autoApproved: false, Now);

        r.ApplyDueTimers(Now.AddHours(4), Fraction);

        Assert.All(r.ActiveStep!.Slots, s => Assert.Equal("procurement_ops", s.EscalatedTo?.Value));
        Assert.Equal(["role:approver", "role:procurement_ops"], r.PendingApproverKeys());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void A_reminder_fraction_outside_zero_to_one_is_refused(double fraction)
    {
        var r = Pending("owner");

        Assert.False(SlaClock.IsValidFraction(fraction));
        Assert.Throws<ArgumentOutOfRangeException>(() => r.NextTimerAt(fraction));
    }
}
