using AiGovernance.Cli.Commands.Outcomes;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Outcomes;

namespace AiGovernance.Cli.Tests.Outcomes;

/// <summary>Rebuilding training rows from a decided recommendation (no database).</summary>
public class OutcomeRowsTests
{
    private static readonly OutcomeRequisition Requisition = new(Guid.NewGuid(), "REQ-000042", "sup-acme", "Acme Ltd", "INV-7",
        [new RequisitionLine("WID-1", "Widget", 10, "each", 41m), new RequisitionLine("GAD-2", "Gadget", 2, "pack of 6", 12m), new RequisitionLine("NEW-3", "New thing", 1, "each", 99m)],
        492m, "EUR", "EUR", "IT", new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero), "u-anna", "CC-1");

    private static DecidedOutcome Outcome(string status, string payload, OutcomeRequisition? match = null) =>
        new(Guid.NewGuid(), status, status != "rejected", "price is right", "2026-11-29.4", DateTimeOffset.UtcNow, payload, Requisition, match);

    [Fact]
    public void Price_rows_are_the_judged_lines_with_the_reviewer_label_and_a_contract_reference_as_contract_price()
    {
        const string payload = """
            {"reason": "hold", "details": {"lines": [
              {"id": "REQ-000042/1", "expected_price": 10.5, "flagged": true, "basis": "supplier-history"},
              {"id": "REQ-000042/2", "expected_price": 11.0, "flagged": true, "basis": "contract"},
              {"id": "REQ-000042/3", "expected_price": 20.0, "flagged": true, "basis": "regression"}]}}
            """;

        var rejected = OutcomeRows.PriceLines(Outcome("rejected", payload), "acme");

        Assert.Equal(2, rejected.Count); // the regression-only line never holds, so no reviewer judged it
        Assert.All(rejected, l => Assert.False(l.IsAnomaly));
        Assert.Equal(("REQ-000042/1", "WID-1", 41m, (decimal?)null), (rejected[0].Line.Id, rejected[0].Line.Item, rejected[0].Line.UnitPrice, rejected[0].Line.ContractPrice));
        Assert.Equal(11.0m, rejected[1].Line.ContractPrice);
        Assert.Equal(new DateOnly(2026, 5, 4), rejected[1].Line.Date);
        Assert.Equal("outcomes:acme", rejected[1].Source);
        Assert.True(OutcomeRows.PriceLines(Outcome("accepted", payload), "acme")[0].IsAnomaly);
    }

    [Fact]
    public void A_duplicate_pair_needs_its_matched_requisition()
    {
        var earlier = Requisition with { Id = Guid.NewGuid(), Number = "REQ-000041", CreatedAt = Requisition.CreatedAt.AddDays(-3) };

        var pair = OutcomeRows.DuplicatePair(Outcome("edited", "{}", earlier));

        Assert.NotNull(pair);
        Assert.True(pair.Label);
        Assert.Equal("outcome-edited", pair.Kind);
        Assert.Equal(("REQ-000042", "REQ-000041"), (pair.A.Id, pair.B.Id));
        Assert.Equal("Widget; Gadget; New thing", pair.A.Description);
        Assert.Equal(492m, pair.A.Amount);
        Assert.Null(OutcomeRows.DuplicatePair(Outcome("rejected", "{}")));
    }
}
