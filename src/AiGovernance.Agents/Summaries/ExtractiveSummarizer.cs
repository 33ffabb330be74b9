using AiGovernance.Agents.Documents;
using AiGovernance.Ml.Embeddings;

namespace AiGovernance.Agents.Summaries;

/// <summary>How long an extractive summary is and how it trades relevance against variety.</summary>
public sealed record ExtractiveSummaryOptions
{
    /// <summary>Sentences quoted from the document, after the sentence built from the fields.</summary>
    public int QuotedSentences { get; init; } = 3;
    public double RelevanceWeight { get; init; } = CentralityRanker.DefaultRelevanceWeight;
}

/// <summary>
/// The offline summary, made without any generative model: a sentence built from the extracted fields
/// (worded by <c>prompts/extractive-summary.yaml</c>), the document's most representative sentences
/// (MiniLM embeddings, centrality with MMR, in document order), then anything unusual. Every sentence
/// cites its page. Hidden or tiny text and text addressed to an AI are never quoted.
/// </summary>
public sealed class ExtractiveSummarizer(
    ITextEmbedder embedder, SummaryTemplates templates, TimeProvider? timeProvider = null, ExtractiveSummaryOptions? options = null)
{
    public const string OfflineProvider = "offline";

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly ExtractiveSummaryOptions _options = options ?? new ExtractiveSummaryOptions();

    public SummaryTemplates Templates => templates;

    public async Task<DocumentSummary> SummarizeAsync(
        ReadDocument doc, DocumentFields fields, IReadOnlyList<InjectionFinding> injections, CancellationToken ct = default)
    {
        var sentences = new List<SummarySentence>();
        var flags = new List<string>();

        var described = DescribeFields(doc, fields);
        if (described is not null) sentences.Add(described);

        if (doc.IsReadable)
            sentences.AddRange(await QuoteAsync(doc, injections, described, ct));
        else
            flags.Add(SummaryFlags.DocumentUnreadable);

        var (unusualSentences, unusualFlags) = Unusual(fields, injections);
        sentences.AddRange(unusualSentences);
        flags.AddRange(unusualFlags);

        var prompt = templates.Prompt;
        return new DocumentSummary(DocumentSummary.Extractive, sentences, flags, OfflineProvider, embedder.ModelId,
            prompt.Id, prompt.Version, prompt.Hash);
    }

    /// <summary>The "anything unusual" sentences and their flags; the generative summary appends them too.</summary>
    public (IReadOnlyList<SummarySentence> Sentences, IReadOnlyList<string> Flags) Unusual(
        DocumentFields fields, IReadOnlyList<InjectionFinding> injections)
    {
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var described = UnusualChecks.Describe(UnusualChecks.Find(fields, injections, today), fields, templates);
        return (described.Select(d => d.Sentence).ToList(), described.Select(d => d.Flag).Distinct().ToList());
    }

    /// <summary>The sentence built from the fields, citing the page most of them were read from.</summary>
    private SummarySentence? DescribeFields(ReadDocument doc, DocumentFields fields)
    {
        var text = templates.DescribeDocument(fields);
        if (text is null) return null;
        var page = fields.Fields
            .Where(f => f.Name != FieldNames.DocumentType && f.Page >= 1 && f.Page <= Math.Max(doc.Pages.Count, 1))
            .GroupBy(f => f.Page)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key)
            .FirstOrDefault(1);
        return new SummarySentence(text, page);
    }

    private async Task<IReadOnlyList<SummarySentence>> QuoteAsync(
        ReadDocument doc, IReadOnlyList<InjectionFinding> injections, SummarySentence? described, CancellationToken ct)
    {
        var candidates = SentenceCandidates.From(doc, injections);
        if (candidates.Count == 0 || _options.QuotedSentences <= 0) return [];

        var texts = candidates.Select(c => c.Text).ToList();
        if (described is not null) texts.Add(described.Text);
        var vectors = await embedder.EmbedAsync(texts, ct);
        var candidateVectors = vectors.Take(candidates.Count).ToList();
        IReadOnlyList<float[]> alreadySaid = described is null ? [] : [vectors[^1]];

        var chosen = CentralityRanker.Select(candidateVectors, alreadySaid, _options.QuotedSentences, _options.RelevanceWeight);
        return chosen
            .Select(i => candidates[i])
            .OrderBy(c => c.Order)
            .Select(c => new SummarySentence(c.Text, c.Page))
            .ToList();
    }
}
