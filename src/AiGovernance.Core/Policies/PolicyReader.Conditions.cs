using AiGovernance.Core.Requisitions;
using YamlDotNet.RepresentationModel;

namespace AiGovernance.Core.Policies;

/// <summary>The <c>when:</c> block: numeric ranges and in-lists.</summary>
internal sealed partial class PolicyReader
{
    private static readonly string[] ConditionKeys =
        ["amount", "category", "legal_entity", "cost_centre", "supplier_risk", "urgency", "duplicate_probability", "price_variance_pct"];
    private static readonly string[] RangeKeys = ["gte", "gt", "lte", "lt"];
    private static readonly string[] InListKeys = ["in"];
    private static readonly string[] UrgencyNames = ["normal", "urgent", "emergency"];

    private enum Bound { None, NonNegative, Probability }

    private RuleConditions? Conditions(Field field)
    {
        if (IsNull(field.Value))
            return RuleConditions.Always;
        var fields = Fields(field.Value, field.Path, "conditions", ConditionKeys);
        if (fields is null)
            return null;

        var errorsBefore = Errors.Count;
        var conditions = new RuleConditions(
            Amount: fields.TryGetValue("amount", out var amount) ? Range(amount, Bound.NonNegative) : null,
            Categories: fields.TryGetValue("category", out var category) ? Texts(category, "categories") : null,
            LegalEntities: fields.TryGetValue("legal_entity", out var entity) ? Texts(entity, "legal entities") : null,
            CostCentres: fields.TryGetValue("cost_centre", out var centre) ? Texts(centre, "cost centres") : null,
            SupplierRiskTiers: fields.TryGetValue("supplier_risk", out var risk) ? Choices(risk, "supplier risk tiers", RiskTiers) : null,
            Urgencies: fields.TryGetValue("urgency", out var urgency) ? Choices(urgency, "urgencies", UrgencyNames)?.Select(ToUrgency).ToList() : null,
            DuplicateProbability: fields.TryGetValue("duplicate_probability", out var dup) ? Range(dup, Bound.Probability) : null,
            // Negative variance (paying below the reference price) is meaningful, so no lower limit here.
            PriceVariancePct: fields.TryGetValue("price_variance_pct", out var variance) ? Range(variance, Bound.None) : null);
        return Errors.Count == errorsBefore ? conditions : null;
    }

    private static Urgency ToUrgency(string name) => name switch
    {
        "urgent" => Urgency.Urgent,
        "emergency" => Urgency.Emergency,
        _ => Urgency.Normal,
    };

    private ValueRange? Range(Field field, Bound bound)
    {
        var errorsBefore = Errors.Count;
        var fields = Fields(field.Value, field.Path, "a range", RangeKeys);
        if (fields is null)
            return null;
        if (fields.Count == 0)
        {
            if (Errors.Count == errorsBefore)
                Error(field.Value, field.Path, "a range needs at least one of gte, gt, lte, lt");
            return null;
        }

        decimal? Read(string key)
        {
            if (!fields.TryGetValue(key, out var f))
                return null;
            var value = Number(f);
            if (bound == Bound.NonNegative && value < 0)
                Error(f.Value, f.Path, $"must not be negative, got {value}");
            else if (bound == Bound.Probability && value is < 0 or > 1)
                Error(f.Value, f.Path, $"probability must be between 0 and 1, got {value}");
            return value;
        }

        var range = new ValueRange(Read("gte"), Read("gt"), Read("lte"), Read("lt"));
        if (fields.ContainsKey("gte") && fields.ContainsKey("gt"))
            Error(fields["gt"].Key, fields["gt"].Path, "use either gte or gt, not both");
        if (fields.ContainsKey("lte") && fields.ContainsKey("lt"))
            Error(fields["lt"].Key, fields["lt"].Path, "use either lte or lt, not both");
        if (Errors.Count != errorsBefore)
            return null;

        var (lowKey, low, lowStrict) = range.Gte is { } gte ? ("gte", gte, false) : range.Gt is { } gt ? ("gt", gt, true) : ("", 0m, false);
        var (highKey, high, highStrict) = range.Lte is { } lte ? ("lte", lte, false) : range.Lt is { } lt ? ("lt", lt, true) : ("", 0m, false);
        if (lowKey.Length > 0 && highKey.Length > 0 && (low > high || (low == high && (lowStrict || highStrict))))
        {
            Error(field.Value, field.Path, $"empty range: {lowKey} {low} and {highKey} {high} can never both hold");
            return null;
        }
        return range;
    }

    private List<string>? Texts(Field field, string what) => Values(field, what)?.Select(v => v.Value).ToList();

    /// <summary>An in-list: <c>[a, b]</c>, a single value, or the long form <c>{ in: [a, b] }</c>.</summary>
    private List<ListItem>? Values(Field field, string what)
    {
        var node = field.Value;
        var path = field.Path;
        if (node is YamlMappingNode)
        {
            var fields = Fields(node, path, $"a list of {what}", InListKeys);
            if (fields is null || !fields.TryGetValue("in", out var inField))
            {
                if (fields is not null)
                    Error(node, path, $"expected a list of {what}, e.g. [A, B] or {{ in: [A, B] }}");
                return null;
            }
            (node, path) = (inField.Value, inField.Path);
        }

        if (node is YamlScalarNode)
            return Text(node, path) is { } single ? [new ListItem(single, node, path)] : null;
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, path, $"expected a list of {what}");
            return null;
        }
        if (sequence.Children.Count == 0)
        {
            Error(node, path, $"an empty list of {what} matches nothing; remove the condition to match everything");
            return null;
        }

        var values = new List<ListItem>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (Text(sequence.Children[i], itemPath) is { } value)
                values.Add(new ListItem(value, sequence.Children[i], itemPath));
        }
        return values.Count == sequence.Children.Count ? values : null;
    }

    /// <summary>An in-list restricted to known values, normalised to lower case.</summary>
    private List<string>? Choices(Field field, string what, IReadOnlyList<string> allowed)
    {
        var errorsBefore = Errors.Count;
        var values = Values(field, what);
        if (values is null)
            return null;

        var result = new List<string>();
        foreach (var item in values)
        {
            var lower = item.Value.ToLowerInvariant();
            if (allowed.Contains(lower))
                result.Add(lower);
            else
                Error(item.Node, item.Path, $"unknown value '{item.Value}' in {what}; allowed: {string.Join(", ", allowed)}");
        }
        return Errors.Count == errorsBefore ? result : null;
    }
}

internal sealed record ListItem(string Value, YamlNode Node, string Path);
