using Microsoft.SemanticKernel;

namespace AiGovernance.Agents.FollowUp;

/// <summary>
/// Adds up token usage over every model response of a run. Connectors put it in message metadata under
/// "Usage": the OpenAI and Azure connectors as <c>OpenAI.Chat.ChatTokenUsage</c>, chat-client adapters
/// (LLamaSharp) as <c>Microsoft.Extensions.AI.UsageDetails</c>. Null when no response reported any.
/// </summary>
public static class TokenUsageReader
{
    public static TokenUsage? Sum(IEnumerable<ChatMessageContent> messages)
    {
        TokenUsage? total = null;
        foreach (var message in messages)
        {
            if (message.Metadata is null || !message.Metadata.TryGetValue("Usage", out var usage)) continue;
            var (input, output) = usage switch
            {
                OpenAI.Chat.ChatTokenUsage u => (u.InputTokenCount, u.OutputTokenCount),
                Microsoft.Extensions.AI.UsageDetails u => ((int)(u.InputTokenCount ?? 0), (int)(u.OutputTokenCount ?? 0)),
                _ => (-1, -1),
            };
            if (input < 0) continue;
            total = new TokenUsage((total?.InputTokens ?? 0) + input, (total?.OutputTokens ?? 0) + output);
        }
        return total;
    }
}
