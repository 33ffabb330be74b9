using System.Text.RegularExpressions;
using AiGovernance.Core.Exceptions;
using YamlDotNet.RepresentationModel;

namespace AiGovernance.Core.Policies;

/// <summary>Top level of the document: name, currencies, authority limits and auto-approval.</summary>
internal sealed partial class PolicyReader
{
    private static readonly string[] TopKeys = ["policy", "base_currency", "rates", "authority_limits", "auto_approve", "rules", "budget", "documents", "exceptions"];
    private static readonly string[] AutoApproveKeys =
        ["max_amount", "max_duplicate_probability", "max_price_variance_pct", "exclude_categories", "supplier_risk"];

    public static readonly string[] RiskTiers = ["low", "medium", "high"];

    public ApprovalPolicy? ReadPolicy(YamlNode root)
    {
        var fields = Fields(root, "", "the policy document", TopKeys);
        if (fields is null)
            return null;
        RequireKeys(root, "", fields, "the policy document", "policy", "base_currency", "rules");

        var name = fields.TryGetValue("policy", out var nameField) ? Text(nameField) : null;
        var baseCurrency = fields.TryGetValue("base_currency", out var baseField) ? Currency(baseField.Value, baseField.Path) : null;
        var rates = fields.TryGetValue("rates", out var ratesField) ? Rates(ratesField, baseCurrency) : new Dictionary<string, decimal>();
        var limits = fields.TryGetValue("authority_limits", out var limitsField) ? AuthorityLimits(limitsField) : new Dictionary<string, decimal>();
        var auto = fields.TryGetValue("auto_approve", out var autoField) && !IsNull(autoField.Value) ? AutoApproval(autoField) : null;
        var rules = fields.TryGetValue("rules", out var rulesField) ? Rules(rulesField) : null;
        var budget = fields.TryGetValue("budget", out var budgetField) && !IsNull(budgetField.Value) ? Budget(budgetField) : BudgetRule.Default;
        var documents = fields.TryGetValue("documents", out var documentsField) && !IsNull(documentsField.Value) ? Documents(documentsField) : DocumentRules.Default;
        var exceptions = fields.TryGetValue("exceptions", out var exceptionsField) && !IsNull(exceptionsField.Value) ? ExceptionSection(exceptionsField) : ExceptionRules.Default;

        if (name is null || baseCurrency is null || rules is null || documents is null || exceptions is null)
            return null;
        return new ApprovalPolicy(name, baseCurrency, rates, limits, auto, rules) { Budget = budget ?? BudgetRule.Default, Documents = documents, Exceptions = exceptions };
    }

    private string? Currency(YamlNode node, string path)
    {
        var code = Text(node, path);
        if (code is null)
            return null;
        if (CurrencyCode.IsValid(code))
            return code;
        Error(node, path, $"currency code '{code}' must be 3 upper-case letters (ISO 4217), e.g. EUR");
        return null;
    }

    private Dictionary<string, decimal> Rates(Field field, string? baseCurrency)
    {
        var rates = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (IsNull(field.Value))
            return rates;
        if (field.Value is not YamlMappingNode mapping)
        {
            Error(field.Value, field.Path, "expected a mapping of currency code to rate, e.g. { USD: 0.92 }");
            return rates;
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var path = Child(field.Path, (keyNode as YamlScalarNode)?.Value ?? "?");
            var code = Currency(keyNode, path);
            var rate = Number(valueNode, path);
            if (rate is <= 0)
                Error(valueNode, path, $"rate must be greater than 0, got {rate}");
            else if (code is not null && code == baseCurrency && rate != 1)
                Error(valueNode, path, $"{code} is the base currency; its rate is always 1");
            else if (code is not null && rate is { } r)
                rates[code] = r;
        }
        return rates;
    }

    private Dictionary<string, decimal> AuthorityLimits(Field field)
    {
        var limits = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (IsNull(field.Value))
            return limits;
        if (field.Value is not YamlMappingNode mapping)
        {
            Error(field.Value, field.Path, "expected a mapping of role to amount, e.g. { approver: 10000 }");
            return limits;
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var role = Text(keyNode, field.Path);
            var path = Child(field.Path, role ?? "?");
            var limit = Number(valueNode, path);
            if (limit < 0)
                Error(valueNode, path, $"authority limit must not be negative, got {limit}");
            else if (role is not null && limit is { } l)
                limits[role] = l;
        }
        return limits;
    }

    private AutoApprovalRule? AutoApproval(Field field)
    {
        var fields = Fields(field.Value, field.Path, "auto_approve", AutoApproveKeys);
        if (fields is null)
            return null;
        RequireKeys(field.Value, field.Path, fields, "auto_approve", "max_amount");

        var ok = true;
        decimal maxAmount = 0;
        if (fields.TryGetValue("max_amount", out var amountField))
            ok &= NonNegative(amountField, out maxAmount);
        else
            ok = false;

        // Defaults are the strict end: an author who omits a limit gets no tolerance, not an unlimited one.
        decimal maxDuplicate = 0;
        if (fields.TryGetValue("max_duplicate_probability", out var dupField))
            ok &= Probability(dupField, out maxDuplicate);
        decimal maxVariance = 0;
        if (fields.TryGetValue("max_price_variance_pct", out var varianceField))
            ok &= NonNegative(varianceField, out maxVariance);

        List<string> excluded = [];
        if (fields.TryGetValue("exclude_categories", out var excludedField))
        {
            var items = Texts(excludedField, "categories");
            ok &= items is not null;
            excluded = items ?? [];
        }

        List<string> tiers = ["low"];
        if (fields.TryGetValue("supplier_risk", out var tierField))
        {
            var items = Choices(tierField, "supplier risk tiers", RiskTiers);
            ok &= items is not null;
            tiers = items ?? [];
        }

        return ok ? new AutoApprovalRule(maxAmount, (double)maxDuplicate, (double)maxVariance, excluded, tiers) : null;
    }

    private bool NonNegative(Field field, out decimal value)
    {
        var number = Number(field);
        value = number ?? 0;
        if (number is null)
            return false;
        if (number >= 0)
            return true;
        Error(field.Value, field.Path, $"must not be negative, got {number}");
        return false;
    }

    private bool Probability(Field field, out decimal value)
    {
        var number = Number(field);
        value = number ?? 0;
        if (number is null)
            return false;
        if (number is >= 0 and <= 1)
            return true;
        Error(field.Value, field.Path, $"probability must be between 0 and 1, got {number}");
        return false;
    }
}
