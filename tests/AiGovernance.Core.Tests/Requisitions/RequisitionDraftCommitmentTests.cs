using AiGovernance.Core.Requisitions;

namespace AiGovernance.Core.Tests.Requisitions;

public class RequisitionDraftCommitmentTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static RequisitionDraft Draft(string? customerOrder = null, DateOnly? promised = null, StatedSupplier? stated = null) =>
        new("LE-EU", "CC-1", "sup-1", "Office", "EUR", Urgency.Normal, null, [new RequisitionLine("ITM-1", "Paper", 1, "box", 10)], [], null)
        {
            CustomerOrder = customerOrder,
            PromisedDate = promised,
            StatedSupplier = stated,
        };

    private static IReadOnlyDictionary<string, string[]> Errors(RequisitionDraft draft) =>
        Assert.Throws<ValidationFailedException>(() => draft.Validate(Today)).Errors;

    [Fact]
    public void A_customer_order_with_a_promised_date_and_valid_supplier_details_is_valid()
    {
        Draft("SO-2026-0042", Today.AddDays(3), new StatedSupplier("Orgenics Ltd", "GB 356 230 123", "GB02 DEMO 8360 7776 7936 17")).Validate(Today);
        Draft("SO-1").Validate(Today); // an order without a promised date is information, not a commitment
    }

    [Fact]
    public void A_promised_date_needs_a_customer_order_and_must_not_be_past()
    {
        var errors = Errors(Draft(promised: Today.AddDays(-1)));

        Assert.Equal(["promised_date"], errors.Keys);
        Assert.Contains(errors["promised_date"], m => m.StartsWith("needs customer_order", StringComparison.Ordinal));
        Assert.Contains(errors["promised_date"], m => m.Contains("past", StringComparison.Ordinal));
    }

    [Fact]
    public void A_blank_or_overlong_customer_order_is_refused()
    {
        Assert.Equal(["customer_order"], Errors(Draft(" ")).Keys);
        Assert.Contains("at most 100", Errors(Draft(new string('x', 101)))["customer_order"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_supplier_details_name_the_exact_field()
    {
        var errors = Errors(Draft(stated: new StatedSupplier(new string('n', 201), "123456789", "DE89 3704 0044 0532 0130 01")));

        Assert.Equal(["supplier_details.iban", "supplier_details.name", "supplier_details.vat_id"], errors.Keys.Order());
        Assert.Contains("mod 97", errors["supplier_details.iban"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Stated_details_are_normalized_compact_and_upper_case_and_nothing_stated_is_null()
    {
        var stated = new StatedSupplier("  Orgenics Ltd ", "gb 356.230-123", "gb02 demo 8360 7776 7936 17").Normalized();

        Assert.Equal(new StatedSupplier("Orgenics Ltd", "GB356230123", "GB02DEMO83607776793617"), stated);
        Assert.Null(new StatedSupplier(" ", null, "").Normalized());
    }

    [Fact]
    public void The_erp_sets_a_commitment_and_keeps_what_it_leaves_out()
    {
        var r = new Requisition
        {
            Id = Guid.NewGuid(), TenantId = Guid.NewGuid(), Number = "REQ-1", LegalEntity = "LE-EU", CostCentre = "CC-1", RequesterId = "u",
            SupplierId = "sup-1", Category = "Office", Currency = "EUR", Urgency = Urgency.Normal, Lines = [], Amount = 0, AmountInBase = 0,
            BaseCurrency = "EUR", PolicyVersionId = 1, Status = RequisitionStatus.PendingApproval, Steps = [], CustomerOrder = "SO-1",
        };

        var next = r.WithErpCommitment(null, Today.AddDays(5), null);

        Assert.Equal(("SO-1", Today.AddDays(5)), (next.CustomerOrder, next.PromisedDate));
        Assert.True(next.HasCustomerCommitment);
        Assert.False(r.HasCustomerCommitment);
        var final = r with { Status = RequisitionStatus.Approved };
        Assert.Equal("requisition_final", Assert.Throws<DomainException>(() => final.WithErpCommitment("SO-2", null, null)).Code);
    }
}
