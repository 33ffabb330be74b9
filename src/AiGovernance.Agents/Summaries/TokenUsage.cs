using System.Reflection;
using System.Text.Json;

namespace AiGovernance.Agents.Summaries;

/// <summary>
/// Input and output token counts from a chat result's metadata, when the connector reports them.
/// Connectors disagree on the shape (OpenAI's ChatTokenUsage, older PromptTokens/CompletionTokens,
/// raw JSON), so the known property names are tried in turn.
/// </summary>
public static class TokenUsage
{
    private static readonly string[] InputNames = ["InputTokenCount", "InputTokens", "PromptTokens", "input_tokens", "prompt_tokens"];
    private static readonly string[] OutputNames = ["OutputTokenCount", "OutputTokens", "CompletionTokens", "output_tokens", "completion_tokens"];

    public static (int? Input, int? Output) From(IReadOnlyDictionary<string, object?>? metadata)
    {
        if (metadata is null || !metadata.TryGetValue("Usage", out var usage) || usage is null) return (null, null);
        return (Read(usage, InputNames), Read(usage, OutputNames));
    }

    private static int? Read(object usage, string[] names)
    {
        foreach (var name in names)
        {
            if (usage is JsonElement { ValueKind: JsonValueKind.Object } json)
            {
                if (json.TryGetProperty(name, out var value) && value.TryGetInt32(out var n)) return n;
                continue;
            }
            var property = usage.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
            if (property?.GetValue(usage) is { } raw && int.TryParse(raw.ToString(), out var count)) return count;
        }
        return null;
    }
}
