using AiGovernance.Core.Exceptions;

namespace AiGovernance.Core.Policies;

/// <summary>The optional <c>exceptions:</c> section: routing of exception types to queues, triage weights.</summary>
internal sealed partial class PolicyReader
{
    private static readonly string[] ExceptionsKeys = ["routing", "weights", "impact_cap", "customer_commitment_boost"];
    private static readonly string[] RouteKeys = ["types", "queue"];
    private static readonly string[] WeightKeys = ["probability", "impact", "urgency"];

    private ExceptionRules? ExceptionSection(Field field)
    {
        var fields = Fields(field.Value, field.Path, "exceptions", ExceptionsKeys);
        if (fields is null) return null;
        var ok = true;
        var routes = new List<ExceptionRoute>();
        if (fields.TryGetValue("routing", out var routingField) && !IsNull(routingField.Value) && Sequence(routingField, "exception routes") is { } items)
        {
            for (var i = 0; i < items.Children.Count; i++)
            {
                var path = $"{routingField.Path}[{i}]";
                var route = Fields(items.Children[i], path, "an exception route", RouteKeys);
                if (route is null) { ok = false; continue; }
                RequireKeys(items.Children[i], path, route, "an exception route", "types", "queue");
                var types = route.TryGetValue("types", out var typesField) ? Texts(typesField, "exception types") : null;
                foreach (var t in types ?? [])
                    if (!ExceptionTypes.All.ContainsKey(t)) { Error(typesField!.Value, typesField.Path, $"'{t}' is not an exception type (one of {string.Join(", ", ExceptionTypes.All.Keys.Order(StringComparer.Ordinal))})"); ok = false; }
                var queue = route.TryGetValue("queue", out var queueField) ? Text(queueField) : null;
                if (queue is not null && !ExceptionTypes.Queues.All.Contains(queue))
                {
                    Error(queueField!.Value, queueField.Path, $"'{queue}' is not a queue (one of {string.Join(", ", ExceptionTypes.Queues.All)})");
                    ok = false;
                }
                if (types is null || queue is null) ok = false;
                else routes.Add(new ExceptionRoute(types, queue));
            }
        }
        var weights = TriageWeights.Default;
        if (fields.TryGetValue("weights", out var weightsField) && !IsNull(weightsField.Value) && Fields(weightsField.Value, weightsField.Path, "triage weights", WeightKeys) is { } w)
            weights = weights with
            {
                Probability = Weight(w, "probability") ?? weights.Probability,
                Impact = Weight(w, "impact") ?? weights.Impact,
                Urgency = Weight(w, "urgency") ?? weights.Urgency,
            };
        if (fields.TryGetValue("impact_cap", out var capField) && Number(capField) is { } cap)
        {
            if (cap <= 0) { Error(capField.Value, capField.Path, $"must be greater than 0, got {cap}"); ok = false; }
            else weights = weights with { ImpactCap = cap };
        }
        if (fields.TryGetValue("customer_commitment_boost", out var boostField) && Number(boostField) is { } boost)
        {
            if (boost is < 1 or > 5) { Error(boostField.Value, boostField.Path, $"must be between 1 and 5, got {boost}"); ok = false; }
            else weights = weights with { CommitmentBoost = (double)boost };
        }
        return ok ? new ExceptionRules(routes, weights) : null;
    }

    private double? Weight(Dictionary<string, Field> fields, string key)
    {
        if (!fields.TryGetValue(key, out var f) || Number(f) is not { } v) return null;
        if (v is >= 0 and <= 5) return (double)v;
        Error(f.Value, f.Path, $"must be between 0 and 5 (0 leaves the part out), got {v}");
        return null;
    }
}
