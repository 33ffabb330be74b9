using AiGovernance.Core.Delegations;

namespace AiGovernance.Core.Tests.Delegations;

public class DelegationRulesTests
{
    private static readonly DateTimeOffset Jan1 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Feb1 = Jan1.AddMonths(1);
    private static readonly DateTimeOffset Mar1 = Jan1.AddMonths(2);

    private static Delegation D(string from, string to, DateTimeOffset validFrom, DateTimeOffset validTo) =>
        new(Guid.NewGuid(), from, to, validFrom, validTo, "holiday");

    private static DomainException Refused(Delegation proposed, IReadOnlyCollection<Delegation> existing, DomainErrorKind kind, string code)
    {
        var ex = Assert.Throws<DomainException>(() => DelegationRules.Validate(proposed, existing));
        Assert.Equal((kind, code), (ex.Kind, ex.Code));
        return ex;
    }

    [Fact]
    public void A_simple_delegation_is_valid()
    {
        DelegationRules.Validate(D("u-a", "u-b", Jan1, Feb1), []);
    }

    [Fact]
    public void Delegating_to_yourself_is_refused()
    {
        Refused(D("u-a", "u-a", Jan1, Feb1), [], DomainErrorKind.Unprocessable, "delegation_to_self");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void An_empty_or_inverted_window_is_refused(int days)
    {
        Refused(D("u-a", "u-b", Jan1, Jan1.AddDays(days)), [], DomainErrorKind.Unprocessable, "delegation_window_empty");
    }

    [Fact]
    public void A_direct_cycle_in_an_overlapping_window_is_refused()
    {
        var ex = Refused(D("u-a", "u-b", Jan1, Feb1), [D("u-b", "u-a", Jan1.AddDays(10), Mar1)], DomainErrorKind.Conflict, "delegation_cycle");

        Assert.Contains("u-b", ex.Message, StringComparison.Ordinal);
        Assert.Contains("u-a", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transitive_cycle_is_refused()
    {
        // Existing B→C and C→A; proposing A→B closes A→B→C→A.
        var existing = new[] { D("u-b", "u-c", Jan1, Mar1), D("u-c", "u-a", Jan1, Mar1) };

        Refused(D("u-a", "u-b", Jan1, Feb1), existing, DomainErrorKind.Conflict, "delegation_cycle");
    }

    [Fact]
    public void A_longer_transitive_cycle_through_a_branching_graph_is_refused()
    {
        var existing = new[]
        {
            D("u-b", "u-x", Jan1, Mar1), D("u-b", "u-c", Jan1, Mar1), D("u-x", "u-y", Jan1, Mar1),
            D("u-c", "u-d", Jan1, Mar1), D("u-d", "u-a", Jan1, Mar1),
        };

        Refused(D("u-a", "u-b", Jan1, Feb1), existing, DomainErrorKind.Conflict, "delegation_cycle");
    }

    [Fact]
    public void A_chain_that_does_not_return_to_the_delegator_is_allowed()
    {
        var existing = new[] { D("u-b", "u-c", Jan1, Mar1), D("u-c", "u-d", Jan1, Mar1), D("u-d", "u-b", Jan1, Mar1) };

        DelegationRules.Validate(D("u-a", "u-b", Jan1, Feb1), existing);
    }

    [Fact]
    public void A_reverse_delegation_in_a_non_overlapping_window_is_allowed()
    {
        DelegationRules.Validate(D("u-a", "u-b", Jan1, Feb1), [D("u-b", "u-a", Feb1, Mar1)]);
    }

    [Fact]
    public void A_transitive_path_outside_the_window_is_allowed()
    {
        var existing = new[] { D("u-b", "u-c", Jan1, Mar1), D("u-c", "u-a", Feb1, Mar1) };

        DelegationRules.Validate(D("u-a", "u-b", Jan1, Feb1), existing);
    }

    [Fact]
    public void Parallel_delegations_from_one_delegator_are_allowed()
    {
        DelegationRules.Validate(D("u-a", "u-b", Jan1, Feb1), [D("u-a", "u-c", Jan1, Feb1), D("u-c", "u-b", Jan1, Feb1)]);
    }

    [Fact]
    public void IsActiveAt_includes_the_start_and_excludes_the_end()
    {
        var d = D("u-a", "u-b", Jan1, Feb1);

        Assert.True(d.IsActiveAt(Jan1));
        Assert.True(d.IsActiveAt(Feb1.AddTicks(-1)));
        Assert.False(d.IsActiveAt(Feb1));
        Assert.False(d.IsActiveAt(Jan1.AddTicks(-1)));
    }

    [Fact]
    public void Overlaps_treats_windows_as_half_open()
    {
        var d = D("u-a", "u-b", Jan1, Feb1);

        Assert.True(d.Overlaps(Jan1.AddDays(-1), Jan1.AddDays(1)));
        Assert.False(d.Overlaps(Feb1, Mar1));
        Assert.False(d.Overlaps(Jan1.AddDays(-5), Jan1));
    }
}
