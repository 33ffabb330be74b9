using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Core.Recommendations;

namespace AiGovernance.Core.Tests.Recommendations;

public class RecommendationStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly RecommendationDecider Grace = new("u-grace", new HashSet<string> { "reviewer" });
    private static readonly RecommendationDecider Agent = new("svc-agent", new HashSet<string> { "agent", "reviewer" });
    private static readonly RecommendationDecider David = new("u-david", new HashSet<string> { "approver" });

    private static Recommendation Pending(string kind = RecommendationKinds.RequisitionHold) => new()
    {
        Id = Guid.NewGuid(),
        Kind = kind,
        SubjectType = "requisition",
        SubjectId = Guid.NewGuid().ToString(),
        Payload = JsonDocument.Parse("""{"reason":"probable duplicate"}""").RootElement.Clone(),
        Confidence = 0.93,
        Producer = new RecommendationProducer("duplicate-detector", "v3", null),
        Evidence = [],
        InputHash = "sha256:abc",
        CreatedAt = Now,
        ExpiresAt = Now.AddDays(7),
    };

    private static JsonElement Obj(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Theory]
    [InlineData(RecommendationDecision.Accept, null, RecommendationStatus.Accepted)]
    [InlineData(RecommendationDecision.Reject, "not a duplicate", RecommendationStatus.Rejected)]
    public void A_pending_recommendation_takes_one_decision(RecommendationDecision decision, string? reason, RecommendationStatus expected)
    {
        var rec = Pending();

        var outcome = rec.Decide(Grace, decision, reason, null, "u-anna", Now.AddHours(1));

        Assert.Equal((RecommendationStatus.Pending, expected), (outcome.StatusBefore, outcome.StatusAfter));
        Assert.Equal(expected, rec.Status);
        Assert.Equal("u-grace", rec.DecidedBy);
        Assert.Equal(Now.AddHours(1), rec.DecidedAt);
        Assert.Equal(expected == RecommendationStatus.Accepted, rec.TakesEffect);
    }

    [Fact]
    public void An_edit_stores_the_corrected_payload_and_takes_effect_with_it()
    {
        var rec = Pending();

        rec.Decide(Grace, RecommendationDecision.Edit, "wording", Obj("""{"reason":"duplicate of REQ-000042"}"""), null, Now);

        Assert.Equal(RecommendationStatus.Edited, rec.Status);
        Assert.True(rec.TakesEffect);
        Assert.Equal("duplicate of REQ-000042", rec.EffectivePayload.GetProperty("reason").GetString());
        Assert.Equal("probable duplicate", rec.Payload.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData(RecommendationDecision.Accept)]
    [InlineData(RecommendationDecision.Reject)]
    [InlineData(RecommendationDecision.Edit)]
    public void A_decided_recommendation_refuses_every_further_decision(RecommendationDecision second)
    {
        var rec = Pending();
        rec.Decide(Grace, RecommendationDecision.Accept, null, null, null, Now);

        var ex = Assert.Throws<DomainException>(() => rec.Decide(Grace, second, "again", second == RecommendationDecision.Edit ? Obj("{}") : null, null, Now));

        Assert.Equal((DomainErrorKind.Conflict, "recommendation_not_pending"), (ex.Kind, ex.Code));
        Assert.Equal(RecommendationStatus.Accepted, rec.Status);
    }

    [Fact]
    public void A_stale_pending_recommendation_cannot_be_decided_and_expires_once()
    {
        var rec = Pending();
        var late = rec.ExpiresAt;

        var stale = Assert.Throws<DomainException>(() => rec.Decide(Grace, RecommendationDecision.Accept, null, null, null, late));
        Assert.Equal("recommendation_expired", stale.Code);
        Assert.Equal(RecommendationStatus.Pending, rec.Status);

        var outcome = rec.Expire(late);
        Assert.Equal(RecommendationStatus.Expired, outcome.StatusAfter);
        Assert.False(rec.TakesEffect);
        Assert.Equal("recommendation_not_pending", Assert.Throws<DomainException>(() => rec.Expire(late)).Code);
        Assert.Equal("recommendation_not_pending",
            Assert.Throws<DomainException>(() => rec.Decide(Grace, RecommendationDecision.Accept, null, null, null, late)).Code);
    }

    [Fact]
    public void Expiry_before_the_expiry_time_is_refused()
    {
        var rec = Pending();

        Assert.Equal("recommendation_not_due", Assert.Throws<DomainException>(() => rec.Expire(rec.ExpiresAt.AddSeconds(-1))).Code);
        Assert.Equal(RecommendationStatus.Pending, rec.Status);
    }

    [Fact]
    public void A_service_account_never_decides_even_with_a_reviewer_role()
    {
        var rec = Pending();

        var ex = Assert.Throws<DomainException>(() => rec.Decide(Agent, RecommendationDecision.Accept, null, null, null, Now));

        Assert.Equal((DomainErrorKind.Forbidden, "service_account_cannot_decide"), (ex.Kind, ex.Code));
        Assert.Equal(RecommendationStatus.Pending, rec.Status);
    }

    [Fact]
    public void Deciding_roles_depend_on_the_kind()
    {
        Assert.Equal("role_required",
            Assert.Throws<DomainException>(() => Pending().Decide(David, RecommendationDecision.Accept, null, null, null, Now)).Code);
        Pending(RecommendationKinds.RequisitionNote).Decide(David, RecommendationDecision.Accept, null, null, null, Now);
        Assert.Equal(["reviewer", "admin"], RecommendationDeciders.RolesFor("supplier.summary"));
        Assert.Contains("procurement_ops", RecommendationDeciders.RolesFor(RecommendationKinds.RequisitionHold));
    }

    [Fact]
    public void The_requester_of_the_subject_cannot_decide_on_it()
    {
        var ex = Assert.Throws<DomainException>(() => Pending().Decide(Grace, RecommendationDecision.Reject, "mine", null, "u-grace", Now));

        Assert.Equal("sod_subject_owner_cannot_decide", ex.Code);
    }

    [Theory]
    [InlineData(RecommendationDecision.Reject, null, false, "reason")]
    [InlineData(RecommendationDecision.Edit, "fix", false, "payload")]
    [InlineData(RecommendationDecision.Edit, null, true, "reason")]
    [InlineData(RecommendationDecision.Accept, null, true, "payload")]
    public void Decisions_need_their_inputs(RecommendationDecision decision, string? reason, bool withPayload, string field)
    {
        var rec = Pending();

        var ex = Assert.Throws<ValidationFailedException>(() => rec.Decide(Grace, decision, reason, withPayload ? Obj("{}") : null, null, Now));

        Assert.Contains(field, ex.Errors.Keys);
        Assert.Equal(RecommendationStatus.Pending, rec.Status);
    }

    [Fact]
    public void Drafts_report_every_bad_field()
    {
        var draft = new RecommendationDraft("Hold!", new SubjectRef("requisition", "not-a-uuid"), Obj("[1]"), 1.5,
            new RecommendationProducer("", null, null), [new EvidenceRef(null, null, null)], null, 0);

        var ex = Assert.Throws<ValidationFailedException>(draft.Validate);

        foreach (var field in new[] { "kind", "subject.id", "payload", "confidence", "producer.name", "producer", "evidence[0].type", "evidence[0].ref", "input_hash", "expires_in_hours" })
            Assert.Contains(field, ex.Errors.Keys);
    }

    [Fact]
    public void A_valid_draft_defaults_to_seven_days()
    {
        var draft = new RecommendationDraft("requisition.hold", new SubjectRef("requisition", Guid.NewGuid().ToString()), null, 0.5,
            new RecommendationProducer("agent", null, "p-1"), null, "h", null);

        draft.Validate();

        Assert.Equal(TimeSpan.FromDays(7), draft.Lifetime);
    }
}
