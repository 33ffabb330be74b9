using AiGovernance.Agents.Prompts;
using AiGovernance.Agents.Summaries;
using AiGovernance.Ml.Embeddings;

namespace AiGovernance.Agents.Tests.Summaries;

/// <summary>The real local embedder and the repository's prompt files, shared by the summary tests.</summary>
internal static class TestServices
{
    public static readonly ITextEmbedder Embedder = Embedders.Create(new EmbeddingOptions(), () => new HttpClient());

    public static readonly PromptCatalog Prompts = new(PromptCatalog.Locate(null, AppContext.BaseDirectory));

    public static SummaryTemplates Templates => SummaryTemplates.Load(Prompts);

    public static ExtractiveSummarizer Extractive(DateOnly? today = null) =>
        new(Embedder, Templates, new FixedTime(today ?? new DateOnly(2022, 12, 1)));

    private sealed class FixedTime(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
    }
}
