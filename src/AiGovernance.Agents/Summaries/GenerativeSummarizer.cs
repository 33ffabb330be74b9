using AiGovernance.Agents.Providers;
using AiGovernance.Agents.Documents;
using AiGovernance.Agents.Prompts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;

namespace AiGovernance.Agents.Summaries;

/// <summary>Who writes the generative summary, as shown to reviewers and recorded in the decision log.</summary>
public sealed record GenerativeSummaryOptions(string Provider, string Model)
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// A summary written by a chat model through Semantic Kernel's prompt path, with the document passed
/// only as delimited data. The answer is shown only if every sentence passes <see cref="GroundingCheck"/>;
/// otherwise — or when the call fails, times out or returns nothing usable — the reviewer gets the
/// extractive summary with a flag saying so, and the rejected text is kept for the log.
/// </summary>
public sealed partial class GenerativeSummarizer
{
    private readonly Kernel _kernel;
    private readonly LoadedPrompt _prompt;
    private readonly KernelFunction _function;
    private readonly ExtractiveSummarizer _fallback;
    private readonly GenerativeSummaryOptions _options;
    private readonly ILogger _logger;

    /// <param name="kernel">A kernel with an <c>IChatCompletionService</c> registered by the caller.</param>
    /// <param name="prompt">prompts/document-summary.yaml, loaded by <see cref="PromptCatalog"/>.</param>
    public GenerativeSummarizer(Kernel kernel, LoadedPrompt prompt, ExtractiveSummarizer fallback,
        GenerativeSummaryOptions options, ILogger<GenerativeSummarizer>? logger = null)
    {
        _kernel = kernel;
        _prompt = prompt;
        _function = KernelFunctionFactory.CreateFromPrompt(prompt.Config);
        _fallback = fallback;
        _options = options;
        _logger = logger ?? NullLogger<GenerativeSummarizer>.Instance;
    }

    public async Task<DocumentSummary> SummarizeAsync(
        ReadDocument doc, DocumentFields fields, IReadOnlyList<InjectionFinding> injections, CancellationToken ct = default)
    {
        if (!doc.IsReadable) return await _fallback.SummarizeAsync(doc, fields, injections, ct);

        var delimited = DocumentDelimiter.Wrap(doc);
        var arguments = new KernelArguments
        {
            ["document"] = delimited.Text,
            ["boundary"] = delimited.Boundary,
            ["page_count"] = doc.Pages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        string? answer = null;
        TokenUsage? usage = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            var result = await _kernel.InvokeAsync(_function, arguments, timeout.Token);
            answer = result.GetValue<string>();
            var message = result.GetValue<object>() as KernelContent;
            usage = TokenUsage.From(message?.Metadata ?? result.Metadata);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return await FallBackAsync(doc, fields, injections, SummaryFlags.GenerationFailed, $"no answer within {_options.Timeout}", null, usage, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return await FallBackAsync(doc, fields, injections, SummaryFlags.GenerationFailed, $"{ex.GetType().Name}: {ex.Message}", null, usage, ct);
        }

        var parsed = GeneratedSummaryParser.Parse(answer);
        if (parsed.Sentences.Count == 0)
            return await FallBackAsync(doc, fields, injections, SummaryFlags.GenerationFailed, "the answer had no sentences", answer, usage, ct);

        var repeatsInstructions = parsed.Sentences.FirstOrDefault(s => InjectionScanner.AddressesAi(s.Text));
        if (repeatsInstructions is not null)
            return await FallBackAsync(doc, fields, injections, SummaryFlags.UngroundedGenerationFellBack,
                $"\"{repeatsInstructions.Text}\": repeats text addressed to an AI", answer, usage, ct);

        var grounding = GroundingCheck.Check(parsed.Sentences, doc);
        if (!grounding.AllGrounded)
            return await FallBackAsync(doc, fields, injections, SummaryFlags.UngroundedGenerationFellBack, grounding.Reasons, answer, usage, ct);

        var (unusualSentences, unusualFlags) = _fallback.Unusual(fields, WithModelReports(injections, parsed, doc));
        return new DocumentSummary(DocumentSummary.Generative, [.. parsed.Sentences, .. unusualSentences], unusualFlags,
            _options.Provider, _options.Model, _prompt.Id, _prompt.Version, _prompt.Hash)
        {
            InputTokens = usage?.InputTokens,
            OutputTokens = usage?.OutputTokens,
        };
    }

    /// <summary>Instructions the model reported count even when the scanner's patterns missed them.</summary>
    private static IReadOnlyList<InjectionFinding> WithModelReports(IReadOnlyList<InjectionFinding> injections, ParsedGeneration parsed, ReadDocument doc)
    {
        if (injections.Count > 0 || parsed.InstructionPages.Count == 0) return injections;
        var page = parsed.InstructionPages.FirstOrDefault(p => p >= 1 && p <= doc.Pages.Count, 1);
        return [new InjectionFinding(page, "reported by the model", "reported_by_model")];
    }

    private async Task<DocumentSummary> FallBackAsync(ReadDocument doc, DocumentFields fields, IReadOnlyList<InjectionFinding> injections,
        string flag, string reason, string? rejected, TokenUsage? usage, CancellationToken ct)
    {
        LogFallback(_logger, _options.Provider, _options.Model, flag, reason);
        var summary = await _fallback.SummarizeAsync(doc, fields, injections, ct);
        return summary with
        {
            Flags = [.. summary.Flags, flag],
            RejectedGeneration = rejected,
            FallbackReason = $"{_options.Provider}/{_options.Model}: {reason}",
            InputTokens = usage?.InputTokens,
            OutputTokens = usage?.OutputTokens,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generative summary by {Provider}/{Model} not used ({Flag}): {Reason}")]
    private static partial void LogFallback(ILogger logger, string provider, string model, string flag, string reason);
}
