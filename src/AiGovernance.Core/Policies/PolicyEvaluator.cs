namespace AiGovernance.Core.Policies;

/// <summary>
/// Pure routing: the same policy and input always give the same decision, so a decision in the log can be
/// reproduced from the policy version and the input alone.
/// </summary>
public static class PolicyEvaluator
{
    /// <exception cref="DomainException">unknown_currency, or invalid_ai_signal for a NaN/infinite score.</exception>
    public static RoutingDecision Route(ApprovalPolicy policy, RoutingInput input)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(input);

        var baseCurrency = policy.BaseCurrency;
        var amountInBase = policy.ToBase(input.Amount, input.Currency);
        var sentences = new List<string>();
        var currency = input.Currency.Trim().ToUpperInvariant();
        if (currency != baseCurrency)
            sentences.Add($"{PolicyFormat.Money(input.Amount, currency)} = {PolicyFormat.Money(amountInBase, baseCurrency)} "
                + $"at rate {PolicyFormat.Rate(policy.Rates[currency])}.");

        if (policy.AutoApproval is { } auto)
        {
            if (AutoApprovalCheck.Passes(auto, amountInBase, baseCurrency, input, out var reasons))
            {
                sentences.Add("auto-approved: " + string.Join(", ", reasons));
                return new RoutingDecision(amountInBase, baseCurrency, true, [], [], string.Join(" ", sentences));
            }
            sentences.Add("not auto-approved: " + string.Join(", ", reasons) + ".");
        }

        var matched = new List<MatchedRule>();
        var steps = new List<StepTemplate>();
        var contributed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in policy.Rules)
        {
            if (!ConditionMatcher.TryMatch(rule.When, amountInBase, baseCurrency, input, out var reasons))
                continue;
            matched.Add(new MatchedRule(rule.Id, rule.Description, reasons));

            // A step name is a slot: an earlier rule can pre-empt a later rule's step of the same name.
            var skipped = new List<string>();
            foreach (var step in rule.Steps)
            {
                if (contributed.Add(step.Name)) steps.Add(step);
                else skipped.Add(step.Name);
            }

            var sentence = $"rule {rule.Id} matched: {string.Join("; ", reasons)}";
            if (skipped.Count > 0)
                sentence += $"; step {string.Join(", ", skipped)} already added by an earlier rule";
            if (rule.Stop)
                sentence += "; stop: later rules not evaluated";
            sentences.Add(sentence + ".");
            if (rule.Stop)
                break;
        }

        if (matched.Count == 0)
            sentences.Add("no rule matched.");
        return new RoutingDecision(amountInBase, baseCurrency, false, matched, steps, string.Join(" ", sentences));
    }
}
