using System.Globalization;

namespace AiGovernance.Core.Approvals;

/// <summary>
/// Ranks the people who could fill a choice the policy leaves open (a cost-centre owner, a delegate, whom to ask on a
/// role step) by what they decided before. A recommendation only: a person applies it, and nothing here changes state.
/// </summary>
/// <remarks>
/// The score is a sum of a few parts, each shown as a sentence, so a reader can redo it by hand. Counts enter on a
/// log₂(1 + n) scale: the tenth decision on a cost centre says less than the first, and one very busy approver does
/// not drown every other signal.
/// <list type="bullet">
/// <item>3 × log₂(1 + decisions on the cost centre(s)) — the strongest sign someone knows the spending;</item>
/// <item>1.5 × log₂(1 + decisions in the category), 1 × log₂(1 + decisions in the legal entity);</item>
/// <item>0.5 × log₂(1 + all decisions) — experience as an approver at all;</item>
/// <item>+2 / (1 + median hours to decide / 24) — quick deciders keep requisitions moving;</item>
/// <item>−1 × log₂(1 + their steps escalated after an SLA breach);</item>
/// <item>owner only: −2 × log₂(1 + requisitions they raised on the cost centre) (their own would skip them), −0.5 per cost centre owned.</item>
/// </list>
/// Ties go to the user id, so the order is stable.
/// </remarks>
public static class ApproverSuggestions
{
    public const int DefaultTop = 3;

    public static SuggestionResult Rank(
        IEnumerable<(ApproverCandidate Candidate, DecisionHistory History)> candidates,
        SuggestionContext context,
        Func<ApproverCandidate, string?>? excludedBecause = null,
        int top = DefaultTop)
    {
        var excluded = new List<ExcludedCandidate>();
        var scored = new List<(ApproverCandidate Candidate, double Score, List<string> Reasons)>();
        foreach (var (candidate, history) in candidates.OrderBy(c => c.Candidate.UserId, StringComparer.Ordinal))
        {
            var role = QualifyingRole(candidate, context);
            // The purpose's own rule first: "requested this requisition" says more than "lacks the role".
            var why = !candidate.Active ? "is not an active user"
                : excludedBecause?.Invoke(candidate) is { } own ? own
                : role is null ? $"holds none of the roles that may decide here ({string.Join(", ", context.QualifyingRoles.Keys.Order(StringComparer.Ordinal))})"
                : candidate.AwayUntil is { } until ? $"is away themselves (delegates their approvals until {until.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)"
                : null;
            if (why is not null)
            {
                excluded.Add(new ExcludedCandidate(candidate.UserId, why));
                continue;
            }
            var (score, reasons) = Score(candidate, role!, history, context);
            scored.Add((candidate, score, reasons));
        }
        var ranked = scored
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Candidate.UserId, StringComparer.Ordinal)
            .Take(top)
            .Select((s, i) => new ApproverSuggestion(i + 1, s.Candidate.UserId, s.Candidate.Name, Math.Round(s.Score, 2), s.Reasons))
            .ToList();
        return new SuggestionResult(ranked, excluded);
    }

    /// <summary>The qualifying role with the highest authority limit the candidate holds (the one that says most about them).</summary>
    private static string? QualifyingRole(ApproverCandidate candidate, SuggestionContext context) =>
        candidate.Roles.Where(context.QualifyingRoles.ContainsKey)
            .OrderByDescending(r => context.QualifyingRoles[r] ?? decimal.MinValue)
            .ThenBy(r => r, StringComparer.Ordinal)
            .FirstOrDefault();

    private static (double Score, List<string> Reasons) Score(ApproverCandidate candidate, string role, DecisionHistory h, SuggestionContext c)
    {
        var reasons = new List<string>();
        var score = 0.0;
        var window = $"in the last {c.WindowDays} days";

        if (h.DecidedOnCostCentres > 0)
        {
            score += 3 * Log2(h.DecidedOnCostCentres);
            var what = h.RejectedOnCostCentres == 0 ? $"approved {Count(h.ApprovedOnCostCentres)}"
                : h.ApprovedOnCostCentres == 0 ? $"rejected {Count(h.RejectedOnCostCentres)}"
                : $"approved {h.ApprovedOnCostCentres} and rejected {Count(h.RejectedOnCostCentres)}";
            reasons.Add($"{what} of {CostCentres(c.CostCentres)} {window}");
        }
        if (c.Category is not null && h.DecidedInCategory > 0)
        {
            score += 1.5 * Log2(h.DecidedInCategory);
            reasons.Add($"decided {Count(h.DecidedInCategory)} in category {c.Category} {window}");
        }
        if (c.LegalEntities.Count > 0 && h.DecidedInLegalEntities > 0)
        {
            score += Log2(h.DecidedInLegalEntities);
            reasons.Add($"decided {Count(h.DecidedInLegalEntities)} of legal entity {string.Join(", ", c.LegalEntities)} {window}");
        }
        if (h.DecidedTotal > 0)
        {
            score += 0.5 * Log2(h.DecidedTotal);
            reasons.Add($"decided {Count(h.DecidedTotal)} in all {window}");
        }
        if (h.MedianHoursToDecide is { } median)
        {
            score += 2 / (1 + Math.Max(0, median) / 24);
            reasons.Add($"median {Hours(median)} from a step becoming active to their decision");
        }
        if (h.EscalatedSteps > 0)
        {
            score -= Log2(h.EscalatedSteps);
            reasons.Add($"{h.EscalatedSteps} of the steps waiting for them passed the SLA and were escalated {window}");
        }
        if (c.Purpose == SuggestionPurpose.CostCentreOwner)
        {
            if (h.RequestedOnCostCentres > 0)
            {
                score -= 2 * Log2(h.RequestedOnCostCentres);
                reasons.Add($"raised {Count(h.RequestedOnCostCentres)} on {CostCentres(c.CostCentres)} {window}; as owner they could not approve those (they would go to the step's escalation target)");
            }
            if (h.CostCentresOwned > 0)
            {
                score -= 0.5 * h.CostCentresOwned;
                reasons.Add($"already owns {h.CostCentresOwned} cost centre{(h.CostCentresOwned == 1 ? "" : "s")}");
            }
        }
        if (h.DecidedTotal == 0)
            reasons.Add($"no approval decisions {window}: suggested for the role alone");
        reasons.Add(c.QualifyingRoles[role] is { } limit
            ? $"holds role {role} (may approve up to {limit.ToString("N0", CultureInfo.InvariantCulture)} {c.BaseCurrency})"
            : $"holds role {role}");
        return (score, reasons);
    }

    private static double Log2(int n) => Math.Log2(1 + n);

    private static string Count(int n) => n == 1 ? "1 requisition" : $"{n} requisitions";

    private static string CostCentres(IReadOnlyList<string> codes) =>
        codes.Count == 1 ? $"cost centre {codes[0]}" : $"cost centres {string.Join(", ", codes)}";

    /// <summary>Minutes below an hour, hours below two days, days beyond: "under 1 min", "15 min", "3 h", "4 days".</summary>
    public static string Hours(double hours) => hours switch
    {
        < 1.0 / 60 => "under 1 min",
        < 1 => $"{Math.Round(hours * 60, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture)} min",
        < 48 => $"{Math.Round(hours, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture)} h",
        _ => $"{Math.Round(hours / 24, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture)} days",
    };
}
