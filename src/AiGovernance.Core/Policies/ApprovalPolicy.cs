namespace AiGovernance.Core.Policies;

/// <summary>A tenant's validated approval policy. Build it with <see cref="PolicyParser.Parse"/>.</summary>
/// <param name="Rates">1 unit of the key currency = rate units of <paramref name="BaseCurrency"/>.</param>
/// <param name="AuthorityLimits">Role → the largest base-currency amount that role may approve.</param>
public sealed record ApprovalPolicy(
    string Name,
    string BaseCurrency,
    IReadOnlyDictionary<string, decimal> Rates,
    IReadOnlyDictionary<string, decimal> AuthorityLimits,
    AutoApprovalRule? AutoApproval,
    IReadOnlyList<PolicyRule> Rules)
{
    /// <summary>The optional <c>budget:</c> section (see docs/policy.md); warn-only when absent.</summary>
    public BudgetRule Budget { get; init; } = BudgetRule.Default;

    /// <summary>The optional <c>documents:</c> section (see docs/policy.md): required documents and cross-check tolerances.</summary>
    public DocumentRules Documents { get; init; } = DocumentRules.Default;

    /// <summary>The optional <c>exceptions:</c> section (see docs/policy.md): exception routing to queues and triage weights.</summary>
    public Exceptions.ExceptionRules Exceptions { get; init; } = AiGovernance.Core.Exceptions.ExceptionRules.Default;

    /// <summary>Converts to the base currency, rounded to cents (away from zero) so every caller sees the same figure.</summary>
    /// <exception cref="DomainException">unknown_currency when the policy has no rate for <paramref name="currency"/>.</exception>
    public decimal ToBase(decimal amount, string currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var code = currency.Trim().ToUpperInvariant();
        if (code == BaseCurrency)
            return Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        if (!Rates.TryGetValue(code, out var rate))
            throw DomainException.Unprocessable(
                "unknown_currency",
                $"policy '{Name}' has no exchange rate for currency '{currency}' (known: {PolicyFormat.List([BaseCurrency, .. Rates.Keys.Order(StringComparer.Ordinal)])})");
        return Math.Round(amount * rate, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// A unit price in another currency, unrounded (unit prices such as 0.03 USD must keep their precision);
    /// null when the policy has no rate for either currency. A blank source currency is taken as the target's.
    /// </summary>
    public decimal? ConvertUnitPrice(decimal price, string? from, string to)
    {
        ArgumentNullException.ThrowIfNull(to);
        var source = string.IsNullOrWhiteSpace(from) ? to.Trim().ToUpperInvariant() : from.Trim().ToUpperInvariant();
        var target = to.Trim().ToUpperInvariant();
        if (source == target) return price;
        decimal? Rate(string code) => code == BaseCurrency ? 1m : Rates.TryGetValue(code, out var r) ? r : null;
        return Rate(source) is { } s && Rate(target) is { } t && t != 0 ? price * s / t : null;
    }

    /// <summary>
    /// The highest limit among <paramref name="roles"/>; null when none of them has a limit (they may not approve
    /// on amount authority). <see cref="decimal.MaxValue"/> when the policy configures no limits at all.
    /// </summary>
    public decimal? AuthorityLimitFor(IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (AuthorityLimits.Count == 0)
            return decimal.MaxValue;
        decimal? best = null;
        foreach (var role in roles)
        {
            if (AuthorityLimits.TryGetValue(role, out var limit) && (best is null || limit > best))
                best = limit;
        }
        return best;
    }
}
