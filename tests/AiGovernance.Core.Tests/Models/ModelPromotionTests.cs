using AiGovernance.Core;
using AiGovernance.Core.Models;

namespace AiGovernance.Core.Tests.Models;

public class ModelPromotionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static IReadOnlySet<string> RolesOf(params string[] roles) => roles.ToHashSet(StringComparer.Ordinal);

    private static ModelPromotion Requested(double challenger = 0.95, double champion = 0.94) => new()
    {
        Id = 7, Kind = "duplicate", Version = "v2", FromVersion = "v1", RequestedBy = "u-ivan", RequestedAt = Now, Reason = "retrained",
        Comparison = new MetricComparison("f1", true, challenger, champion, "v1", MetricComparison.SameEvaluationSet),
    };

    [Fact]
    public void The_requester_cannot_approve_even_with_every_role()
    {
        var p = Requested();
        var ex = Assert.Throws<DomainException>(() => p.Approve("u-ivan", RolesOf("data_scientist", "compliance", "admin"), null, "v1", Now));
        Assert.Equal(("sod_requester_cannot_approve_promotion", DomainErrorKind.Forbidden), (ex.Code, ex.Kind));
        Assert.Equal(PromotionStatus.Requested, p.Status);
    }

    [Theory]
    [InlineData("data_scientist")]
    [InlineData("compliance")]
    public void A_second_data_scientist_or_compliance_officer_approves(string role)
    {
        var p = Requested();
        p.Approve("u-hannah", RolesOf(role), "checked", "v1", Now);
        Assert.Equal((PromotionStatus.Approved, "u-hannah", "checked"), (p.Status, p.DecidedBy, p.DecisionReason));
    }

    [Fact]
    public void An_admin_alone_is_not_an_approver_and_the_scheduler_never_decides()
    {
        Assert.Equal("role_required", Assert.Throws<DomainException>(() => Requested().Approve("u-julia", RolesOf("admin"), null, "v1", Now)).Code);
        Assert.Equal("service_account_cannot_decide",
            Assert.Throws<DomainException>(() => Requested().Approve("system:retraining", RolesOf("data_scientist"), null, "v1", Now)).Code);
    }

    [Fact]
    public void Approving_twice_is_a_conflict_and_a_changed_champion_supersedes_the_request()
    {
        var p = Requested();
        p.Approve("u-hannah", RolesOf("compliance"), null, "v1", Now);
        Assert.Equal(("promotion_not_pending", DomainErrorKind.Conflict),
            Assert.Throws<DomainException>(() => p.Approve("u-zoe", RolesOf("data_scientist"), null, "v1", Now)) is var e ? (e.Code, e.Kind) : default);

        var stale = Requested();
        Assert.Equal("promotion_superseded", Assert.Throws<DomainException>(() => stale.Approve("u-hannah", RolesOf("compliance"), null, "v0", Now)).Code);
        stale.Supersede("u-hannah", "champion changed", Now);
        Assert.Equal("promotion_superseded", Assert.Throws<DomainException>(() => stale.Reject("u-hannah", RolesOf("compliance"), "x", Now)).Code);
    }

    [Fact]
    public void Only_an_approved_promotion_rolls_back_and_only_once()
    {
        var p = Requested();
        Assert.Equal("promotion_not_active", Assert.Throws<DomainException>(() => p.RollBack("u-ivan", RolesOf("data_scientist"), "x", Now)).Code);
        p.Approve("u-hannah", RolesOf("compliance"), null, "v1", Now);
        p.RollBack("u-ivan", RolesOf("data_scientist"), "worse live", Now);
        Assert.Equal((PromotionStatus.RolledBack, "u-ivan"), (p.Status, p.RolledBackBy));
        Assert.Equal("promotion_not_active", Assert.Throws<DomainException>(() => p.RollBack("u-ivan", RolesOf("data_scientist"), "x", Now)).Code);
    }

    [Fact]
    public void A_worse_challenger_needs_an_override_reason()
    {
        var worse = Requested(challenger: 0.90).Comparison;
        Assert.True(worse.ChallengerIsWorse);
        var ex = Assert.Throws<DomainException>(() => PromotionRules.CheckChallenger(worse, null));
        Assert.Equal(("challenger_worse_than_champion", DomainErrorKind.Unprocessable), (ex.Code, ex.Kind));
        PromotionRules.CheckChallenger(worse, "fewer false flags matter more here");
    }

    [Fact]
    public void Lower_is_better_metrics_and_unknown_values_are_compared_honestly()
    {
        Assert.True(new MetricComparison("rmse", false, 0.9, 0.8, "v1", MetricComparison.ChampionOwnMetrics).ChallengerIsWorse);
        Assert.False(new MetricComparison("rmse", false, 0.7, 0.8, "v1", MetricComparison.ChampionOwnMetrics).ChallengerIsWorse);
        Assert.False(new MetricComparison("f1", true, 0.9, null, null, MetricComparison.NoChampion).ChallengerIsWorse);
        Assert.False(new MetricComparison("f1", true, null, 0.9, "v1", MetricComparison.ChampionOwnMetrics).ChallengerIsWorse);
    }
}
