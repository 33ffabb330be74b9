using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiGovernance.Worker.Documents;

public static class DocumentHosting
{
    /// <summary>Document settings (the API's upload limit reads them too).</summary>
    public static void AddDocuments(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
    }
}
