using AiGovernance.Core.Policies;

namespace AiGovernance.Core.Tests.Policies;

public class ApprovalPolicyTests
{
    private static ApprovalPolicy Policy(Dictionary<string, decimal>? limits = null) => new(
        "p", "EUR",
        new Dictionary<string, decimal> { ["USD"] = 0.92m, ["JPY"] = 0.00625m },
        limits ?? new Dictionary<string, decimal> { ["approver"] = 10000m, ["finance_manager"] = 100000m },
        null,
        []);

    [Theory]
    [InlineData(1000, "USD", 920)]
    [InlineData(1000, "usd", 920)]
    [InlineData(100.5, "EUR", 100.5)]
    [InlineData(1, "JPY", 0.01)]       // 0.00625 rounds up
    [InlineData(100, "JPY", 0.63)]     // 0.625 is a midpoint: away from zero gives .63, banker's rounding .62
    [InlineData(-100, "JPY", -0.63)]
    public void ToBase_converts_and_rounds_to_cents_away_from_zero(decimal amount, string currency, decimal expected)
    {
        Assert.Equal(expected, Policy().ToBase(amount, currency));
    }

    [Fact]
    public void ToBase_rejects_an_unknown_currency_with_a_stable_code()
    {
        var ex = Assert.Throws<DomainException>(() => Policy().ToBase(10m, "XYZ"));

        Assert.Equal((DomainErrorKind.Unprocessable, "unknown_currency"), (ex.Kind, ex.Code));
        Assert.Contains("XYZ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthorityLimitFor_takes_the_highest_limit_among_roles_that_have_one()
    {
        Assert.Equal(100000m, Policy().AuthorityLimitFor(["approver", "requester", "finance_manager"]));
        Assert.Equal(10000m, Policy().AuthorityLimitFor(["approver"]));
    }

    [Fact]
    public void AuthorityLimitFor_is_null_when_no_role_has_a_limit()
    {
        Assert.Null(Policy().AuthorityLimitFor(["requester"]));
        Assert.Null(Policy().AuthorityLimitFor([]));
    }

    [Fact]
    public void AuthorityLimitFor_is_unlimited_when_the_policy_configures_no_limits()
    {
        Assert.Equal(decimal.MaxValue, Policy([]).AuthorityLimitFor(["requester"]));
    }
}
