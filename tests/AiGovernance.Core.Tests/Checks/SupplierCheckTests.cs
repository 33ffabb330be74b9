using AiGovernance.Core.Checks;
using static AiGovernance.Core.Tests.Checks.CheckTestData;

namespace AiGovernance.Core.Tests.Checks;

public class SupplierCheckTests
{
    [Fact]
    public void An_active_supplier_with_current_documents_passes()
    {
        var result = SupplierCheck.Evaluate(Supplier(docs: new SupplierDocument("gdp", "GDP-1", Today)), Today);

        Assert.Null(result.Rejection);
        Assert.Empty(result.Holds);
    }

    [Fact]
    public void A_blocked_supplier_rejects_with_the_reason()
    {
        var result = SupplierCheck.Evaluate(Supplier(SupplierStatuses.Blocked, "sanctions list match"), Today);

        Assert.Equal(CheckCodes.SupplierBlocked, result.Rejection?.Code);
        Assert.Equal("supplier sup-1 is blocked: sanctions list match", result.Rejection?.Text);
        Assert.Empty(result.Holds);
    }

    [Theory]
    [InlineData(SupplierStatuses.OnHold, CheckCodes.SupplierOnHold)]
    [InlineData(SupplierStatuses.OnboardingIncomplete, CheckCodes.SupplierOnboardingIncomplete)]
    public void Non_active_statuses_hold(string status, string code)
    {
        var result = SupplierCheck.Evaluate(Supplier(status), Today);

        Assert.Null(result.Rejection);
        Assert.Equal(code, Assert.Single(result.Holds).Code);
    }

    [Fact]
    public void Each_expired_document_is_its_own_hold_reason_and_one_expiring_today_is_still_valid()
    {
        var result = SupplierCheck.Evaluate(Supplier(SupplierStatuses.OnHold, null,
            new SupplierDocument("insurance", null, Today.AddDays(-1)),
            new SupplierDocument("gdp", null, Today),
            new SupplierDocument("iso9001", null, null)), Today);

        Assert.Equal([CheckCodes.SupplierOnHold, CheckCodes.SupplierDocumentExpired], result.Holds.Select(h => h.Code));
        Assert.Contains("insurance document expired on 2026-06-14", result.Holds[1].Text, StringComparison.Ordinal);
    }
}
