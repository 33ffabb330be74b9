using Microsoft.SemanticKernel;

namespace AiGovernance.Agents.Providers;

/// <summary>Tokens a model call (or a run of calls) consumed, as the provider reported them.</summary>
public sealed record TokenUsage(int InputTokens, int OutputTokens)
{
    public int TotalTokens => InputTokens + OutputTokens;

    /// <summary>
    /// The usage in one response's metadata. Connectors put it under "Usage": the OpenAI and Azure connectors as
    /// <c>OpenAI.Chat.ChatTokenUsage</c>, chat-client adapters (LLamaSharp) as <c>Microsoft.Extensions.AI.UsageDetails</c>.
    /// Null when the provider reported none.
    /// </summary>
    public static TokenUsage? From(IReadOnlyDictionary<string, object?>? metadata) =>
        metadata is not null && metadata.TryGetValue("Usage", out var usage) ? usage switch
        {
            OpenAI.Chat.ChatTokenUsage u => new TokenUsage(u.InputTokenCount, u.OutputTokenCount),
            Microsoft.Extensions.AI.UsageDetails u => new TokenUsage((int)(u.InputTokenCount ?? 0), (int)(u.OutputTokenCount ?? 0)),
            _ => null,
        } : null;

    /// <summary>The usage over every model response of a run; null when no response reported any.</summary>
    public static TokenUsage? Sum(IEnumerable<ChatMessageContent> messages)
    {
        TokenUsage? total = null;
        foreach (var m in messages)
            if (From(m.Metadata) is { } u)
                total = new TokenUsage((total?.InputTokens ?? 0) + u.InputTokens, (total?.OutputTokens ?? 0) + u.OutputTokens);
        return total;
    }
}
