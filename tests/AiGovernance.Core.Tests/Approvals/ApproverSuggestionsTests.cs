using AiGovernance.Core.Approvals;
using AiGovernance.Core.Delegations;
using static AiGovernance.Core.Tests.Approvals.ApprovalTestData;

namespace AiGovernance.Core.Tests.Approvals;

public class ApproverSuggestionsTests
{
    private static readonly SuggestionContext OwnerOfCc100 = new(SuggestionPurpose.CostCentreOwner, ["CC-100"], ["LE-EU"], null, 90,
        ApproverSuggestionRules.ApprovingRoles(Policy), "EUR");

    private static ApproverCandidate Person(string id, params string[] roles) => new(id, id.ToUpperInvariant(), roles, Active: true);

    private static DecisionHistory Decided(int onCostCentre, int total, double? median = 4, int rejected = 0, int inLegalEntity = 0,
        int escalated = 0, int requested = 0, int owned = 0, int inCategory = 0) =>
        new(onCostCentre, rejected, inLegalEntity, inCategory, total, median, escalated, requested, owned);

    [Fact]
    public void The_person_who_decided_most_on_the_cost_centre_ranks_first_with_every_reason_as_a_sentence()
    {
        var result = ApproverSuggestions.Rank(
        [
            (Person("u-esther", "approver"), Decided(onCostCentre: 2, total: 30, median: 1)),
            (Person("u-david", "approver"), Decided(onCostCentre: 14, total: 20, median: 3, rejected: 2, inLegalEntity: 18)),
            (Person("u-karl", "finance_manager"), DecisionHistory.None),
        ], OwnerOfCc100);

        Assert.Equal(["u-david", "u-esther", "u-karl"], result.Suggestions.Select(s => s.UserId));
        Assert.Equal([1, 2, 3], result.Suggestions.Select(s => s.Rank));
        var david = result.Suggestions[0];
        Assert.Equal(
        [
            "approved 14 and rejected 2 requisitions of cost centre CC-100 in the last 90 days",
            "decided 18 requisitions of legal entity LE-EU in the last 90 days",
            "decided 20 requisitions in all in the last 90 days",
            "median 3 h from a step becoming active to their decision",
            "holds role approver (may approve up to 10,000 EUR)",
        ], david.Reasons);
        // 3·log2(17) + log2(19) + 0.5·log2(21) + 2/(1 + 3/24), by hand.
        Assert.Equal(Math.Round(3 * Math.Log2(17) + Math.Log2(19) + 0.5 * Math.Log2(21) + 2 / (1 + 3.0 / 24), 2), david.Score);
    }

    [Fact]
    public void Someone_without_history_is_suggested_for_the_role_alone_and_says_so()
    {
        var result = ApproverSuggestions.Rank([(Person("u-karl", "finance_manager"), DecisionHistory.None)], OwnerOfCc100);

        var karl = Assert.Single(result.Suggestions);
        Assert.Equal(0, karl.Score);
        Assert.Equal(["no approval decisions in the last 90 days: suggested for the role alone",
            "holds role finance_manager (may approve up to 100,000 EUR)"], karl.Reasons);
    }

    [Fact]
    public void Only_the_top_three_are_returned_and_equal_scores_keep_the_user_id_order()
    {
        var result = ApproverSuggestions.Rank(
            new[] { "u-d", "u-b", "u-a", "u-c" }.Select(id => (Person(id, "approver"), DecisionHistory.None)), OwnerOfCc100);

        Assert.Equal(["u-a", "u-b", "u-c"], result.Suggestions.Select(s => s.UserId));
        Assert.Empty(result.Excluded);
    }

    [Fact]
    public void Inactive_people_people_without_an_approving_role_and_people_who_are_away_are_left_out_with_the_reason()
    {
        var away = Person("u-away", "approver") with { AwayUntil = Now.AddDays(3) };
        var result = ApproverSuggestions.Rank(
        [
            (Person("u-gone", "approver") with { Active = false }, Decided(50, 50)),
            (Person("u-anna", "requester"), Decided(0, 0)),
            (away, Decided(40, 40)),
            (Person("u-esther", "approver"), DecisionHistory.None),
        ], OwnerOfCc100);

        Assert.Equal("u-esther", Assert.Single(result.Suggestions).UserId);
        var why = result.Excluded.ToDictionary(e => e.UserId, e => e.Reason);
        Assert.Equal("is not an active user", why["u-gone"]);
        Assert.StartsWith("holds none of the roles that may decide here (approver, finance_manager, procurement_ops)", why["u-anna"]);
        Assert.Equal("is away themselves (delegates their approvals until 2026-03-05 09:00 UTC)", why["u-away"]);
    }

    [Fact]
    public void For_an_owner_raising_requisitions_on_the_cost_centre_and_owning_others_count_against_and_are_said()
    {
        var result = ApproverSuggestions.Rank(
        [
            (Person("u-carla", "requester", "approver"), Decided(onCostCentre: 5, total: 5, requested: 6, owned: 1)),
            (Person("u-esther", "approver"), Decided(onCostCentre: 5, total: 5)),
        ], OwnerOfCc100);

        Assert.Equal(["u-esther", "u-carla"], result.Suggestions.Select(s => s.UserId));
        Assert.Contains("raised 6 requisitions on cost centre CC-100 in the last 90 days; as owner they could not approve those (they would go to the step's escalation target)",
            result.Suggestions[1].Reasons);
        Assert.Contains("already owns 1 cost centre", result.Suggestions[1].Reasons);
    }

    [Fact]
    public void Escalated_steps_lower_the_score_and_are_said()
    {
        var result = ApproverSuggestions.Rank(
        [
            (Person("u-slow", "approver"), Decided(onCostCentre: 5, total: 5, escalated: 3)),
            (Person("u-tidy", "approver"), Decided(onCostCentre: 5, total: 5)),
        ], OwnerOfCc100);

        Assert.Equal(["u-tidy", "u-slow"], result.Suggestions.Select(s => s.UserId));
        Assert.Equal(result.Suggestions[0].Score - 2, result.Suggestions[1].Score, 2);
        Assert.Contains("3 of the steps waiting for them passed the SLA and were escalated in the last 90 days", result.Suggestions[1].Reasons);
    }

    [Fact]
    public void For_a_step_the_requester_and_whoever_filled_another_step_are_never_suggested()
    {
        var r = Pending("two-steps", amountInBase: 5_000m, requester: "u-carla");
        r.Approve(ApprovalActor.Of("u-pat", "approver", "finance_manager"));
        var step = r.ActiveStep!;
        var context = new SuggestionContext(SuggestionPurpose.Step, ["CC-1"], ["LE-EU"], "Office", 90, ApproverSuggestionRules.StepRoles(step, Policy), "EUR");

        var result = ApproverSuggestions.Rank(
        [
            (Person("u-carla", "requester", "finance_manager"), Decided(10, 10)),
            (Person("u-pat", "approver", "finance_manager"), Decided(20, 20)),
            (Person("u-karl", "finance_manager"), DecisionHistory.None),
            (Person("u-david", "approver"), Decided(9, 9)),
        ], context, c => ApproverSuggestionRules.ExcludedFromStep(r, step, Policy, c));

        Assert.Equal(["finance_manager"], context.QualifyingRoles.Keys);
        Assert.Equal("u-karl", Assert.Single(result.Suggestions).UserId);
        var why = result.Excluded.ToDictionary(e => e.UserId, e => e.Reason);
        Assert.EndsWith("(sod_requester_cannot_approve)", why["u-carla"]);
        Assert.EndsWith("(sod_one_person_two_steps)", why["u-pat"]);
        Assert.EndsWith("(not_an_approver)", why["u-david"]);
    }

    [Fact]
    public void On_the_final_step_someone_whose_authority_limit_is_below_the_amount_is_left_out()
    {
        var r = Pending("two-steps", amountInBase: 150_000m);
        r.Approve(ApprovalActor.Of("u-david", "approver"));
        var step = r.ActiveStep!;

        var why = ApproverSuggestionRules.ExcludedFromStep(r, step, Policy, Person("u-karl", "finance_manager"));

        Assert.NotNull(why);
        Assert.EndsWith("(authority_limit_exceeded)", why);
    }

    [Fact]
    public void A_step_that_names_its_approver_leaves_no_role_to_choose_from()
    {
        var r = Pending("owner");

        Assert.Empty(ApproverSuggestionRules.StepRoles(r.ActiveStep!, Policy));
    }

    [Fact]
    public void A_delegate_is_never_the_absent_person_nor_someone_whose_delegation_would_form_a_cycle()
    {
        var existing = new[] { new Delegation(Guid.NewGuid(), "u-esther", "u-david", Now, Now.AddDays(10), null) };
        var context = new SuggestionContext(SuggestionPurpose.Delegate, ["CC-100"], ["LE-EU"], null, 90,
            ApproverSuggestionRules.DelegateRoles(Policy, ["approver"]), "EUR");

        var result = ApproverSuggestions.Rank(
        [
            (Person("u-david", "approver"), Decided(30, 30)),
            (Person("u-esther", "approver"), Decided(20, 20)),
            (Person("u-carla", "approver"), Decided(1, 1)),
            (Person("u-karl", "finance_manager"), Decided(10, 10)),
        ], context, c => ApproverSuggestionRules.ExcludedAsDelegate("u-david", Now, Now.AddDays(7), existing, c));

        Assert.Equal(["approver"], context.QualifyingRoles.Keys);
        Assert.Equal("u-carla", Assert.Single(result.Suggestions).UserId);
        var why = result.Excluded.ToDictionary(e => e.UserId, e => e.Reason);
        Assert.Equal("is the person who is away", why["u-david"]);
        Assert.EndsWith("(delegation_cycle)", why["u-esther"]);
        Assert.StartsWith("holds none of the roles", why["u-karl"]);
    }

    [Fact]
    public void A_delegate_for_someone_without_an_approving_role_may_hold_any_approving_role()
    {
        Assert.Equal(["approver", "finance_manager", "procurement_ops"],
            ApproverSuggestionRules.DelegateRoles(Policy, ["requester"]).Keys.Order());
    }

    [Theory]
    [InlineData(0.001, "under 1 min")]
    [InlineData(0.25, "15 min")]
    [InlineData(3.4, "3 h")]
    [InlineData(47, "47 h")]
    [InlineData(100, "4 days")]
    public void Times_read_as_hours_then_days(double hours, string expected) =>
        Assert.Equal(expected, ApproverSuggestions.Hours(hours));
}
