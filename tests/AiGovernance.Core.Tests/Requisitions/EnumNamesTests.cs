using AiGovernance.Core.Approvals;
using AiGovernance.Core.Policies;
using AiGovernance.Core.Requisitions;

namespace AiGovernance.Core.Tests.Requisitions;

public class EnumNamesTests
{
    [Fact]
    public void ToSnakeCase_lowercases_and_separates_words()
    {
        Assert.Equal("pending_approval", RequisitionStatus.PendingApproval.ToSnakeCase());
        Assert.Equal("info_requested", RequisitionStatus.InfoRequested.ToSnakeCase());
        Assert.Equal("first_responder", StepMode.FirstResponder.ToSnakeCase());
        Assert.Equal("approve", DecisionKind.Approve.ToSnakeCase());
        Assert.Equal("", EnumNames.ToSnakeCase(""));
    }

    [Fact]
    public void Every_enum_value_round_trips_through_its_snake_case_name()
    {
        AssertRoundTrip<RequisitionStatus>();
        AssertRoundTrip<Urgency>();
        AssertRoundTrip<DecisionKind>();
        AssertRoundTrip<StepMode>();
        AssertRoundTrip<StepStatus>();
        AssertRoundTrip<SlotStatus>();
    }

    private static void AssertRoundTrip<T>() where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            Assert.True(EnumNames.TryParseSnake<T>(value.ToSnakeCase(), out var parsed), value.ToSnakeCase());
            Assert.Equal(value, parsed);
        }
    }

    [Theory]
    [InlineData("REQUEST_INFO")]
    [InlineData("RequestInfo")]
    public void TryParseSnake_ignores_case(string text)
    {
        Assert.True(EnumNames.TryParseSnake<DecisionKind>(text, out var kind));
        Assert.Equal(DecisionKind.RequestInfo, kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("approved")]
    [InlineData("0")]
    [InlineData("2")]
    [InlineData("-1")]
    public void TryParseSnake_rejects_unknown_names_and_numbers(string? text)
    {
        Assert.False(EnumNames.TryParseSnake<DecisionKind>(text, out _));
    }

    // Regression: Enum.TryParse ORs comma-separated names, so "urgent,emergency" became the undefined Urgency 3.
    [Theory]
    [InlineData("urgent,emergency")]
    [InlineData("normal,emergency")]
    public void TryParseSnake_rejects_comma_separated_lists(string text)
    {
        var ok = EnumNames.TryParseSnake<Urgency>(text, out var urgency);

        Assert.False(ok, $"'{text}' parsed to {urgency} ({(int)urgency}), defined: {Enum.IsDefined(urgency)}");
    }
}
