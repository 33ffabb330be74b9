using AiGovernance.Agents.Documents;
using AiGovernance.Agents.Prompts;
using AiGovernance.Agents.Providers;
using AiGovernance.Agents.Summaries;
using AiGovernance.Ml.Embeddings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiGovernance.Worker.Documents;

public static class DocumentHosting
{
    public const string PromptsDirectoryKey = "Governance:Agents:PromptsDirectory";

    /// <summary>Document settings (the API's upload limit reads them too) and, when enabled, the reading job.</summary>
    public static void AddDocuments(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        AddAgentBasics(builder);
        builder.Services.AddSingleton<IDocumentAnalyzer>(sp =>
        {
            var catalog = sp.GetRequiredService<PromptCatalog>();
            var extractive = new ExtractiveSummarizer(sp.GetRequiredService<ITextEmbedder>(), SummaryTemplates.Load(catalog), sp.GetRequiredService<TimeProvider>());
            var kernels = sp.GetRequiredService<KernelFactory>();
            if (!kernels.HasChatModel) return new DocumentAnalyzer(extractive);
            var generative = new GenerativeSummarizer(kernels.CreateKernel(), catalog.Load("document-summary"), extractive,
                new GenerativeSummaryOptions(kernels.Description.Provider, kernels.Description.Model),
                sp.GetRequiredService<ILogger<GenerativeSummarizer>>());
            return new DocumentAnalyzer(extractive, generative);
        });
        // A host that does not read documents leaves document.process jobs in the queue for one that does.
        if (builder.Configuration.GetValue($"{DocumentOptions.SectionName}:Enabled", true))
            builder.Services.AddSingleton<IJobHandler, DocumentProcessingHandler>();
    }

    /// <summary>The provider's kernel factory (a local model loads once per process) and the prompts directory. Idempotent.</summary>
    public static void AddAgentBasics(IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(KernelFactory))) return;
        builder.Services.AddOptions<AgentProviderOptions>().BindConfiguration(AgentProviderOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentProviderOptions>, AgentProviderOptionsValidator>());
        builder.Services.AddSingleton(sp => new KernelFactory(sp.GetRequiredService<IOptions<AgentProviderOptions>>().Value,
            loggerFactory: sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton(sp => new PromptCatalog(PromptCatalog.Locate(sp.GetRequiredService<IConfiguration>()[PromptsDirectoryKey],
            AppContext.BaseDirectory)));
    }
}
