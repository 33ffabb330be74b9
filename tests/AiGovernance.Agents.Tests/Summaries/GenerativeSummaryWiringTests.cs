using AiGovernance.Agents.Documents;
using AiGovernance.Agents.Providers;
using AiGovernance.Agents.Summaries;
using AiGovernance.Agents.Tests.Infrastructure;

namespace AiGovernance.Agents.Tests.Summaries;

/// <summary>The generative summary through the real OpenAI connector, against the stub server on loopback.</summary>
public sealed class GenerativeSummaryWiringTests : IAsyncLifetime
{
    private OpenAiStubServer _stub = null!;

    public async Task InitializeAsync() => _stub = await OpenAiStubServer.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private GenerativeSummarizer Summarizer(KernelFactory kernels) =>
        new(kernels.CreateKernel(), TestServices.Prompts.Load("document-summary"), TestServices.Extractive(),
            new GenerativeSummaryOptions(kernels.Description.Provider, kernels.Description.Model));

    [Fact]
    public async Task A_grounded_answer_from_an_openai_compatible_endpoint_is_the_summary_with_its_token_usage()
    {
        using var kernels = new KernelFactory(new AgentProviderOptions { Provider = "openai", Endpoint = _stub.OpenAiEndpoint.ToString(), Model = "llama3" });
        _stub.ReplyText("NETPRESSE invoice 2022089083 is dated 28.11.2022 and due on 28.12.2022. [p. 1]\nThe total is 56,02 EUR including VAT of 8,94 EUR. [p. 1]",
            promptTokens: 900, completionTokens: 60);

        var summary = await Summarizer(kernels).SummarizeAsync(SampleInvoice.Document(), SampleInvoice.Fields(), [], CancellationToken.None);

        Assert.Equal((DocumentSummary.Generative, "openai", "llama3"), (summary.Kind, summary.Provider, summary.Model));
        Assert.Equal((900, 60), (summary.InputTokens, summary.OutputTokens));
        var request = Assert.Single(_stub.Requests);
        Assert.Equal("llama3", request.Body["model"]!.GetValue<string>());
        Assert.Contains("<<<PAGE 1", request.Body["messages"]![1]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invented_amount_from_the_model_falls_back_to_the_extractive_summary_and_keeps_the_rejected_text()
    {
        using var kernels = new KernelFactory(new AgentProviderOptions { Provider = "openai", Endpoint = _stub.OpenAiEndpoint.ToString(), Model = "llama3" });
        _stub.ReplyText("NETPRESSE invoice 2022089083 totals 5.602,00 EUR. [p. 1]");

        var summary = await Summarizer(kernels).SummarizeAsync(SampleInvoice.Document(), SampleInvoice.Fields(), [], CancellationToken.None);

        Assert.Equal(DocumentSummary.Extractive, summary.Kind);
        Assert.Contains(SummaryFlags.UngroundedGenerationFellBack, summary.Flags);
        Assert.Contains("5.602,00", summary.RejectedGeneration, StringComparison.Ordinal);
    }
}
