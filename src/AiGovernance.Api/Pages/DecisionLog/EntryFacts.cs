using System.Globalization;
using System.Text.Json;
using AiGovernance.Data.DecisionLog;

namespace AiGovernance.Api.Pages.DecisionLog;

/// <summary>
/// What a compliance reader looks for in an entry, picked out of its payload by the names the writers use
/// (input_hash, evidence, confidence, decision/outcome and reason/comment, producer or prompt and model versions).
/// Entries that carry none of them still show their whole payload.
/// </summary>
public sealed record EntryFacts(
    string? InputHash,
    string? Confidence,
    string? Decision,
    string? Reason,
    string? Producer,
    IReadOnlyList<string> Versions,
    IReadOnlyList<(string Type, string Ref, string? Excerpt)> Evidence,
    Guid? RequisitionId)
{
    public static EntryFacts Of(DecisionLogEntry e)
    {
        using var doc = JsonDocument.Parse(e.PayloadJson);
        var p = doc.RootElement;
        var producer = Get(p, "producer");
        var prompt = Get(p, "prompt");
        var versions = new List<string>();
        if (Str(producer, "model_version") is { } mv) versions.Add("model " + mv);
        if (Str(producer, "prompt_version") is { } pv) versions.Add("prompt " + pv);
        if (Str(prompt, "id") is { } pid) versions.Add($"prompt {pid}@{Str(prompt, "version")}");
        if (Get(p, "results") is { ValueKind: JsonValueKind.Array } results)
            versions.AddRange(results.EnumerateArray().Select(r => $"{Str(r, "detector")} model {Str(r, "model_version") ?? "—"}"));
        var evidence = Get(p, "evidence") is { ValueKind: JsonValueKind.Array } ev
            ? ev.EnumerateArray().Select(x => (Str(x, "type") ?? "", Str(x, "ref") ?? "", Str(x, "excerpt"))).ToList()
            : [];
        var requisitionId = Str(p, "requisition_id") ?? (Str(Get(p, "subject"), "type") == "requisition" ? Str(Get(p, "subject"), "id") : null);
        return new EntryFacts(
            Str(p, "input_hash"),
            Get(p, "confidence") is { ValueKind: JsonValueKind.Number } c ? c.GetDouble().ToString("0.00", CultureInfo.InvariantCulture) : null,
            Str(p, "outcome") is { } outcome ? $"{outcome}{(Str(p, "decision") is { } d ? $" ({d})" : "")}" : Str(p, "decision"),
            Str(p, "reason") ?? Str(p, "comment"),
            Str(producer, "name") ?? Str(p, "agent"),
            versions,
            evidence,
            Guid.TryParse(requisitionId, out var id) ? id : null);
    }

    /// <summary>One line for the list: the decision and reason, else the producer, else nothing.</summary>
    public string OneLine => string.Join(" · ", new[] { Decision, Reason, Producer, Confidence is null ? null : "confidence " + Confidence }
        .Where(s => !string.IsNullOrWhiteSpace(s)));

    private static JsonElement Get(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : default;

    private static string? Str(JsonElement e, string name) => Get(e, name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };

    public static string Pretty(string json) =>
        JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, new JsonSerializerOptions { WriteIndented = true });
}
