using AiGovernance.Core.Requisitions;
using AiGovernance.Core.Tests.Approvals;

namespace AiGovernance.Core.Tests.Requisitions;

public sealed class RequisitionCategoryTests
{
    [Fact]
    public void A_pending_requisition_takes_the_new_category_trimmed_and_keeps_the_rest()
    {
        var r = ApprovalTestData.New([]);

        var recoded = r.WithCategory("  IT ");

        Assert.Equal("IT", recoded.Category);
        Assert.Equal("Office", r.Category); // a changed copy: the caller re-routes and saves it
        Assert.Equal(r.Lines, recoded.Lines);
    }

    [Theory]
    [InlineData(RequisitionStatus.Approved)]
    [InlineData(RequisitionStatus.Rejected)]
    [InlineData(RequisitionStatus.AutoApproved)]
    public void A_decided_requisition_keeps_its_category(RequisitionStatus status)
    {
        var r = ApprovalTestData.New([]) with { Status = status };

        var ex = Assert.Throws<DomainException>(() => r.WithCategory("IT"));

        Assert.Equal(("requisition_category_locked", DomainErrorKind.Conflict), (ex.Code, ex.Kind));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_category_is_a_field_error(string category)
    {
        var ex = Assert.Throws<ValidationFailedException>(() => ApprovalTestData.New([]).WithCategory(category));
        Assert.Contains("category", ex.Errors.Keys);
    }
}
