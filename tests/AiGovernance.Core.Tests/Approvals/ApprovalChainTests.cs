using AiGovernance.Core.Approvals;
using AiGovernance.Core.Policies;
using static AiGovernance.Core.Tests.Approvals.ApprovalTestData;

namespace AiGovernance.Core.Tests.Approvals;

public class ApprovalChainTests
{
    [Fact]
    public void Build_resolves_the_cost_centre_owner_to_that_user_at_routing_time()
    {
        var steps = ApprovalChain.Build(Templates("owner"), "u-david");

        var step = Assert.Single(steps);
        var slot = Assert.Single(step.Slots);
        Assert.Equal(new ApproverRef(ApproverRefKind.User, "u-david"), slot.Approver);
        Assert.Equal("user:u-david", slot.Approver.QueueKey);
        Assert.Equal(new ApproverRef(ApproverRefKind.Role, "procurement_ops"), step.EscalateTo);
        Assert.Equal(TimeSpan.FromHours(24), step.Sla);
    }

    [Fact]
    public void Build_keeps_roles_and_named_users_and_numbers_steps_and_slots_in_order()
    {
        var steps = ApprovalChain.Build(Templates("two-steps").Concat(Templates("sequential")).ToList(), "u-owner");

        Assert.Equal([0, 1, 2], steps.Select(s => s.Index));
        Assert.Equal(["first", "second", "seq"], steps.Select(s => s.Name));
        Assert.Equal(new ApproverRef(ApproverRefKind.Role, "finance_manager"), steps[1].Slots[0].Approver);
        Assert.Equal(["role:approver", "user:u-boss"], steps[2].Slots.Select(s => s.Approver.QueueKey));
        Assert.Equal([0, 1], steps[2].Slots.Select(s => s.Index));
    }

    [Fact]
    public void Build_creates_waiting_steps_with_pending_slots()
    {
        var steps = ApprovalChain.Build(Templates("two-steps"), null);

        Assert.All(steps, s => Assert.Equal(StepStatus.Waiting, s.Status));
        Assert.All(steps.SelectMany(s => s.Slots), s => Assert.Equal(SlotStatus.Pending, s.Status));
        Assert.All(steps, s => Assert.Null(s.ActivatedAt));
    }

    [Theory]
    [InlineData("sequential", StepMode.Sequential, 2)]
    [InlineData("quorum", StepMode.Parallel, 2)]
    [InlineData("first-responder", StepMode.FirstResponder, 1)]
    [InlineData("owner", StepMode.Sequential, 1)]
    public void Build_sets_the_quorum_each_mode_needs(string rule, StepMode mode, int quorum)
    {
        var step = Assert.Single(ApprovalChain.Build(Templates(rule), "u-owner"));

        Assert.Equal((mode, quorum), (step.Mode, step.Quorum));
    }

    [Fact]
    public void Build_clamps_a_parallel_quorum_to_the_number_of_approvers()
    {
        var template = new StepTemplate("p", StepMode.Parallel, 5,
            [new ApproverSpec(ApproverKind.Role, "a"), new ApproverSpec(ApproverKind.Role, "b")], null, null);

        Assert.Equal(2, Assert.Single(ApprovalChain.Build([template], null)).Quorum);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Build_refuses_a_cost_centre_owner_step_when_the_cost_centre_has_no_owner(string? owner)
    {
        var ex = Refused(() => ApprovalChain.Build(Templates("owner"), owner), DomainErrorKind.Unprocessable, "cost_centre_has_no_owner");

        Assert.Contains("owner-approval", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_resolves_a_cost_centre_owner_escalation_target()
    {
        var step = Assert.Single(ApprovalChain.Build(Templates("first-responder"), "u-carla"));

        Assert.Equal(new ApproverRef(ApproverRefKind.User, "u-carla"), step.EscalateTo);
        Assert.Equal(new ApproverRef(ApproverRefKind.User, "u-carla"), step.Slots[0].Approver);
    }

    [Fact]
    public void Build_of_no_templates_is_an_empty_chain()
    {
        Assert.Empty(ApprovalChain.Build([], null));
    }

    [Fact]
    public void ApproverRef_admits_role_holders_and_the_named_user_only()
    {
        var role = new ApproverRef(ApproverRefKind.Role, "approver");
        var user = new ApproverRef(ApproverRefKind.User, "u-boss");

        Assert.True(role.Admits(ApprovalActor.Of("u-x", "approver")));
        Assert.False(role.Admits(ApprovalActor.Of("approver", "requester")));
        Assert.True(user.Admits(ApprovalActor.Of("u-boss")));
        Assert.False(user.Admits(ApprovalActor.Of("u-BOSS", "u-boss")));
        Assert.Equal(["user:u-x", "role:approver"], ApproverRef.QueueKeysOf(ApprovalActor.Of("u-x", "approver")));
    }
}
