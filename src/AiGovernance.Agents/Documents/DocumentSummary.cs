namespace AiGovernance.Agents.Documents;

/// <summary>A summary sentence and the page it cites.</summary>
public sealed record SummarySentence(string Text, int Page);

/// <summary>
/// A reviewer-facing summary. <see cref="Kind"/> is "extractive" (offline: sentences chosen from the
/// document) or "generative" (written by a model and grounding-checked). Flags name anything a
/// reviewer must know about the summary itself, e.g. "ungrounded_generation_fell_back",
/// "document_addresses_ai".
/// </summary>
public sealed record DocumentSummary(
    string Kind,
    IReadOnlyList<SummarySentence> Sentences,
    IReadOnlyList<string> Flags,
    string Provider,
    string Model,
    string? PromptId,
    string? PromptVersion,
    string? PromptHash)
{
    public const string Extractive = "extractive";
    public const string Generative = "generative";

    /// <summary>A generated summary that was not shown (ungrounded or unparseable), kept for the decision log.</summary>
    public string? RejectedGeneration { get; init; }

    /// <summary>Why a generative attempt fell back to the extractive summary.</summary>
    public string? FallbackReason { get; init; }

    /// <summary>Tokens the model call used, when the provider reports them.</summary>
    public int? InputTokens { get; init; }

    public int? OutputTokens { get; init; }

    /// <summary>How the summary is labelled wherever it is shown.</summary>
    public string Label => Kind == Extractive ? "extractive summary" : "AI-written summary";
}

/// <summary>Text in a document that addresses an AI ("ignore previous instructions …").</summary>
/// <param name="Technique">visible_text | hidden_text | tiny_text | split_across_pages</param>
public sealed record InjectionFinding(int Page, string Excerpt, string Technique);
