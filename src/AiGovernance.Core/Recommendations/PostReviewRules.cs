using AiGovernance.Core.Requisitions;

namespace AiGovernance.Core.Recommendations;

/// <summary>
/// The mandatory after-the-fact review of an emergency purchase: the expedited path skipped the
/// usual scrutiny, so someone independent looks at it within a few days.
/// </summary>
public static class PostReviewRules
{
    public static readonly TimeSpan DueAfter = TimeSpan.FromDays(3);

    public static readonly IReadOnlyList<string> Outcomes = ["ok", "concern"];

    public static bool Requires(Requisition r) => r.Urgency == Urgency.Emergency;

    public static string ReasonFor(Requisition r) =>
        $"Emergency requisition {r.Number} ({r.AmountInBase.ToString("N2", System.Globalization.CultureInfo.InvariantCulture)} {r.BaseCurrency}) was approved on the expedited path; an after-the-fact review is mandatory.";

    /// <summary>Independence: neither the requester nor anyone who approved (or was delegated for) the requisition reviews it.</summary>
    public static void CheckReviewer(string userId, Requisition r)
    {
        if (string.Equals(userId, r.RequesterId, StringComparison.Ordinal))
            throw DomainException.Forbidden("sod_requester_cannot_review", $"{userId} requested {r.Number} and cannot review it.");
        if (r.Steps.SelectMany(s => s.Slots).Any(slot => slot.People().Contains(userId, StringComparer.Ordinal)))
            throw DomainException.Forbidden("sod_approver_cannot_review", $"{userId} took part in approving {r.Number} and cannot review it.");
    }

    public static void ValidateCompletion(string? outcome, string? comment)
    {
        var e = new FieldErrors();
        if (outcome is null || !Outcomes.Contains(outcome)) e.Add("outcome", "must be one of ok, concern");
        if (outcome == "concern" && string.IsNullOrWhiteSpace(comment)) e.Add("comment", "is required when raising a concern");
        if (comment is { Length: > 4000 }) e.Add("comment", "must be at most 4000 characters");
        e.ThrowIfAny();
    }
}
