using System.Text.Json;
using System.Text.RegularExpressions;

namespace AiGovernance.Core.Recommendations;

/// <summary>What an AI component posts. <see cref="Validate"/> reports every bad field at once (422).</summary>
public sealed partial record RecommendationDraft(
    string? Kind,
    SubjectRef? Subject,
    JsonElement? Payload,
    double? Confidence,
    RecommendationProducer? Producer,
    IReadOnlyList<EvidenceRef>? Evidence,
    string? InputHash,
    int? ExpiresInHours)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);
    public const int MaxLifetimeHours = 30 * 24;
    public const int MaxEvidence = 50;
    public const int MaxPayloadChars = 64 * 1024;

    public TimeSpan Lifetime => ExpiresInHours is { } h ? TimeSpan.FromHours(h) : DefaultLifetime;

    public void Validate()
    {
        var e = new FieldErrors();
        if (string.IsNullOrWhiteSpace(Kind)) e.Add("kind", "is required, e.g. requisition.hold");
        else if (Kind.Length > 100 || !KindPattern().IsMatch(Kind)) e.Add("kind", "must be dotted lowercase words, e.g. requisition.hold");

        if (Subject is null) e.Add("subject", "is required: {\"type\": \"requisition\", \"id\": \"...\"}");
        else
        {
            if (string.IsNullOrWhiteSpace(Subject.Type)) e.Add("subject.type", "is required");
            else if (Subject.Type.Length > 50 || !TypePattern().IsMatch(Subject.Type)) e.Add("subject.type", "must be a lowercase word, e.g. requisition");
            if (string.IsNullOrWhiteSpace(Subject.Id)) e.Add("subject.id", "is required");
            else if (Subject.Id.Length > 200) e.Add("subject.id", "must be at most 200 characters");
            else if (Subject.Type == "requisition" && !Guid.TryParse(Subject.Id, out _)) e.Add("subject.id", "must be the requisition's id (a uuid)");
            if (Kind is not null && Kind.StartsWith("requisition.", StringComparison.Ordinal) && Subject.Type != "requisition")
                e.Add("subject.type", $"a '{Kind}' recommendation is about a requisition");
        }

        CheckPayload(Payload, "payload", e);
        if (Confidence is not { } c) e.Add("confidence", "is required (0 to 1)");
        else if (double.IsNaN(c) || c < 0 || c > 1) e.Add("confidence", "must be between 0 and 1");

        if (Producer is null) e.Add("producer", "is required: {\"name\": ..., \"model_version\" or \"prompt_version\": ...}");
        else
        {
            if (string.IsNullOrWhiteSpace(Producer.Name) || Producer.Name.Length > 200) e.Add("producer.name", "is required (at most 200 characters)");
            if (string.IsNullOrWhiteSpace(Producer.ModelVersion) && string.IsNullOrWhiteSpace(Producer.PromptVersion))
                e.Add("producer", "needs model_version or prompt_version, so every outcome can be traced to a version");
            if (Producer.ModelVersion is { Length: > 100 }) e.Add("producer.model_version", "must be at most 100 characters");
            if (Producer.PromptVersion is { Length: > 100 }) e.Add("producer.prompt_version", "must be at most 100 characters");
        }

        if (Evidence is { Count: > MaxEvidence }) e.Add("evidence", $"at most {MaxEvidence} references");
        for (var i = 0; i < (Evidence?.Count ?? 0); i++)
        {
            var ev = Evidence![i];
            if (ev is null) { e.Add($"evidence[{i}]", "must be an object"); continue; }
            if (string.IsNullOrWhiteSpace(ev.Type) || ev.Type.Length > 50) e.Add($"evidence[{i}].type", "is required (at most 50 characters)");
            if (string.IsNullOrWhiteSpace(ev.Ref) || ev.Ref.Length > 500) e.Add($"evidence[{i}].ref", "is required (at most 500 characters)");
            if (ev.Excerpt is { Length: > 2000 }) e.Add($"evidence[{i}].excerpt", "must be at most 2000 characters");
        }

        if (string.IsNullOrWhiteSpace(InputHash)) e.Add("input_hash", "is required: a hash of the inputs the producer saw");
        else if (InputHash.Length > 200) e.Add("input_hash", "must be at most 200 characters");
        if (ExpiresInHours is { } hours && (hours < 1 || hours > MaxLifetimeHours))
            e.Add("expires_in_hours", $"must be between 1 and {MaxLifetimeHours} (30 days)");
        e.ThrowIfAny();
    }

    /// <summary>Payloads are JSON objects of bounded size (absent means an empty object).</summary>
    public static void CheckPayload(JsonElement? payload, string field, FieldErrors e)
    {
        if (payload is not { } p || p.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return;
        if (p.ValueKind != JsonValueKind.Object) e.Add(field, "must be a JSON object");
        else if (p.GetRawText().Length > MaxPayloadChars) e.Add(field, $"must be at most {MaxPayloadChars} characters of JSON");
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$")]
    private static partial Regex KindPattern();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex TypePattern();
}
