using AiGovernance.Agents.Documents;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data;
using AiGovernance.Data.Documents;

namespace AiGovernance.Worker.Documents;

/// <summary>The analysis as stored: snake_case JSON the API returns as is.</summary>
public static class DocumentRecords
{
    public static DocumentAnalysisRecord From(DocumentAnalysis a) => new(
        a.Read.IsReadable,
        a.Read.Status.ToSnakeCase(),
        a.Read.Problem,
        a.Read.PageCount,
        a.Read.IsReadable ? a.Fields.DocumentType : null,
        Json.Serialize(a.Fields.Fields),
        a.Summary is null ? null : Json.Serialize(new
        {
            a.Summary.Kind,
            a.Summary.Label,
            a.Summary.Sentences,
            a.Summary.Flags,
            a.Summary.Provider,
            a.Summary.Model,
            a.Summary.PromptId,
            a.Summary.PromptVersion,
            a.Summary.PromptHash,
        }),
        Json.Serialize(a.Injections),
        Json.Serialize(a.Read.Pages.Select(p => p.Text)));
}
