namespace AiGovernance.Core.Policies;

/// <summary>A document kind a requisition must carry when its conditions hold (e.g. a quote over 5,000 EUR).</summary>
public sealed record RequiredDocument(string Id, string? Description, string DocumentKind, RuleConditions When);

/// <summary>A required document a requisition does not have yet, with why it is required.</summary>
public sealed record MissingDocument(string RuleId, string DocumentKind, string? Description, IReadOnlyList<string> Reasons);

/// <summary>
/// The policy's optional <c>documents:</c> section: which documents a requisition needs, and how strictly
/// an uploaded document is cross-checked against it. Absent: nothing is required, 2 % amount tolerance,
/// certificates expiring within 30 days of the needed-by date are flagged.
/// </summary>
public sealed record DocumentRules(IReadOnlyList<RequiredDocument> Required, decimal AmountTolerancePct, int CertificateWarningDays)
{
    public static readonly IReadOnlyList<string> Kinds = ["invoice", "quote", "certificate"];

    public static readonly DocumentRules Default = new([], 2m, 30);

    /// <summary>The required documents whose conditions hold and whose kind is not among <paramref name="present"/>.</summary>
    public IReadOnlyList<MissingDocument> Missing(ApprovalPolicy policy, RoutingInput input, IReadOnlyCollection<string> present)
    {
        var amountInBase = policy.ToBase(input.Amount, input.Currency);
        var missing = new List<MissingDocument>();
        foreach (var rule in Required)
        {
            if (present.Contains(rule.DocumentKind, StringComparer.OrdinalIgnoreCase)) continue;
            if (ConditionMatcher.TryMatch(rule.When, amountInBase, policy.BaseCurrency, input, out var reasons))
                missing.Add(new MissingDocument(rule.Id, rule.DocumentKind, rule.Description, reasons));
        }
        return missing;
    }
}
