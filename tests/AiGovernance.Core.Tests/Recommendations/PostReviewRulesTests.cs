using AiGovernance.Core;
using AiGovernance.Core.Approvals;
using AiGovernance.Core.Policies;
using AiGovernance.Core.Recommendations;
using AiGovernance.Core.Requisitions;

namespace AiGovernance.Core.Tests.Recommendations;

public class PostReviewRulesTests
{
    private static Requisition Approved(Urgency urgency, string approver, string? onBehalfOf = null) => new()
    {
        Id = Guid.NewGuid(), TenantId = Guid.NewGuid(), Number = "REQ-000001", LegalEntity = "LE-EU", CostCentre = "CC-EU-PHARMA",
        RequesterId = "u-anna", SupplierId = "sup-x", Category = "IT", Currency = "EUR", Urgency = urgency, Lines = [],
        Amount = 100m, AmountInBase = 100m, BaseCurrency = "EUR", PolicyVersionId = 1, Status = RequisitionStatus.Approved,
        Steps =
        [
            new ApprovalStep
            {
                Index = 0, Name = "owner-approval", Mode = StepMode.FirstResponder, Quorum = 1, Status = StepStatus.Approved,
                Slots = [new ApprovalSlot { Index = 0, Approver = new ApproverRef(ApproverRefKind.Role, "approver"), Status = SlotStatus.Approved, DecidedBy = approver, OnBehalfOf = onBehalfOf }],
            },
        ],
    };

    [Fact]
    public void Only_emergencies_require_a_review()
    {
        Assert.True(PostReviewRules.Requires(Approved(Urgency.Emergency, "u-david")));
        Assert.False(PostReviewRules.Requires(Approved(Urgency.Urgent, "u-david")));
    }

    [Theory]
    [InlineData("u-anna", "sod_requester_cannot_review")]
    [InlineData("u-david", "sod_approver_cannot_review")]
    [InlineData("u-esther", "sod_approver_cannot_review")]
    public void The_requester_approvers_and_their_delegators_cannot_review(string reviewer, string code)
    {
        var r = Approved(Urgency.Emergency, "u-david", onBehalfOf: "u-esther");

        Assert.Equal(code, Assert.Throws<DomainException>(() => PostReviewRules.CheckReviewer(reviewer, r)).Code);
        PostReviewRules.CheckReviewer("u-hannah", r);
    }

    [Fact]
    public void A_concern_needs_a_comment()
    {
        Assert.Contains("comment", Assert.Throws<ValidationFailedException>(() => PostReviewRules.ValidateCompletion("concern", " ")).Errors.Keys);
        Assert.Contains("outcome", Assert.Throws<ValidationFailedException>(() => PostReviewRules.ValidateCompletion("fine", null)).Errors.Keys);
        PostReviewRules.ValidateCompletion("ok", null);
    }
}
