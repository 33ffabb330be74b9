using AiGovernance.Core.Requisitions;

namespace AiGovernance.Core.Tests.Requisitions;

public class RequisitionDraftTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static RequisitionLine Line(decimal quantity = 2, decimal unitPrice = 10.5m, string item = "ITM-1", string description = "Paper", string uom = "box") =>
        new(item, description, quantity, uom, unitPrice);

    private static RequisitionDraft Draft(
        IReadOnlyList<RequisitionLine>? lines = null, string currency = "EUR", DateOnly? neededBy = null,
        string legalEntity = "LE-EU", string costCentre = "CC-1", string supplier = "sup-1", string category = "Office",
        IReadOnlyList<RequisitionAttachment>? attachments = null, string? erpId = null) =>
        new(legalEntity, costCentre, supplier, category, currency, Urgency.Normal, neededBy, lines ?? [Line()], attachments ?? [], erpId);

    private static IReadOnlyDictionary<string, string[]> Errors(RequisitionDraft draft) =>
        Assert.Throws<ValidationFailedException>(() => draft.Validate(Today)).Errors;

    [Fact]
    public void A_complete_draft_is_valid_and_sums_its_lines()
    {
        var draft = Draft([Line(3, 1.005m), Line(1, 100m)], neededBy: Today);

        draft.Validate(Today);

        Assert.Equal(3.02m + 100m, draft.Amount);
    }

    [Fact]
    public void Line_errors_are_named_by_json_path()
    {
        var errors = Errors(Draft([Line(), Line(quantity: 0, unitPrice: -1, item: " ", uom: "")]));

        Assert.Equal(["lines[1].item_code", "lines[1].quantity", "lines[1].unit_of_measure", "lines[1].unit_price"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["must be greater than 0"], errors["lines[1].quantity"]);
        Assert.Equal(["must not be negative"], errors["lines[1].unit_price"]);
        Assert.Equal(["is required"], errors["lines[1].item_code"]);
    }

    [Fact]
    public void Every_invalid_field_is_reported_at_once()
    {
        var errors = Errors(Draft(lines: [], currency: "eur", neededBy: Today.AddDays(-1), legalEntity: "", costCentre: " ",
            supplier: null!, category: new string('x', 201), erpId: new string('e', 101)));

        Assert.Equal(
            ["category", "cost_centre", "currency", "external_erp_id", "legal_entity", "lines", "needed_by", "supplier_id"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("2026-03-02", errors["needed_by"][0], StringComparison.Ordinal);
        Assert.Equal(["must be at most 200 characters"], errors["category"]);
    }

    [Theory]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("Eur")]
    [InlineData("")]
    public void Currency_must_be_three_capital_letters(string currency)
    {
        Assert.Equal(["currency"], Errors(Draft(currency: currency)).Keys);
    }

    [Fact]
    public void A_null_line_is_reported_by_index()
    {
        var errors = Errors(Draft([Line(), null!]));

        Assert.Equal(["lines[1]"], errors.Keys);
    }

    [Fact]
    public void Too_many_lines_are_refused()
    {
        var errors = Errors(Draft(Enumerable.Repeat(Line(), RequisitionDraft.MaxLines + 1).ToList()));

        Assert.Equal(["at most 500 lines are allowed"], errors["lines"]);
    }

    [Fact]
    public void Huge_quantities_are_refused_on_the_line()
    {
        var errors = Errors(Draft([Line(quantity: 1_000_000_001m)]));

        Assert.Equal(["lines[0]"], errors.Keys);
    }

    [Fact]
    public void Descriptions_may_be_longer_than_other_fields_but_not_unbounded()
    {
        Draft([Line(description: new string('d', 2000))]).Validate(Today);

        Assert.Equal(["lines[0].description"], Errors(Draft([Line(description: new string('d', 2001))])).Keys);
    }

    [Fact]
    public void Attachments_need_a_file_name()
    {
        var errors = Errors(Draft(attachments: [new RequisitionAttachment("quote.pdf", null, null, null), new RequisitionAttachment(" ", "application/pdf", null, null)]));

        Assert.Equal(["attachments[1].file_name"], errors.Keys);
    }

    [Fact]
    public void Line_amount_rounds_to_cents_away_from_zero()
    {
        Assert.Equal(0.01m, new RequisitionLine("i", "d", 1, "u", 0.005m).Amount);
        Assert.Equal(12.35m, new RequisitionLine("i", "d", 2.5m, "u", 4.94m).Amount);
    }
}
