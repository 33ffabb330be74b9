using AiGovernance.Agents.Documents;
using AiGovernance.Data;
using AiGovernance.Data.Documents;

namespace AiGovernance.Api.Pages.Requisitions;

/// <summary>A summary as stored by the worker (see Worker/Documents/DocumentRecords).</summary>
public sealed record SummaryShown(string Kind, string Label, IReadOnlyList<SummarySentence> Sentences, IReadOnlyList<string> Flags, string Provider, string Model);

/// <summary>A document on the requisition with what was read from it, parsed once for the page.</summary>
public sealed record DocumentEvidence(StoredDocument Stored, IReadOnlyList<ExtractedField> Fields, SummaryShown? Summary, IReadOnlyList<InjectionFinding> Injections)
{
    /// <summary>Text addressed to an AI was found: the reviewer must know the document tried to steer the summary or the checks.</summary>
    public bool AddressesAi => Injections.Count > 0 || Summary?.Flags.Contains("document_addresses_ai") == true;

    public static string PageUrl(Guid documentId, int page) => $"/documents/{documentId}/pages/{page}";

    public static DocumentEvidence From(StoredDocument d) => new(d,
        Json.Deserialize<List<ExtractedField>>(d.FieldsJson),
        d.SummaryJson is null ? null : Json.Deserialize<SummaryShown>(d.SummaryJson),
        Json.Deserialize<List<InjectionFinding>>(d.InjectionsJson));

    /// <summary>Evidence refs of document cross-checks read "{documentId}#page={n}"; they link to that page.</summary>
    public static string? LinkOf(string? evidenceRef) => PageRef(evidenceRef) is ({ } id, { } page) ? PageUrl(id, page) : null;

    /// <summary>How an evidence ref reads as a link: "page 2" for a document page, else the ref itself (a requisition number).</summary>
    public static string LabelOf(string? evidenceRef) => PageRef(evidenceRef) is (_, { } page) ? $"page {page}" : evidenceRef ?? "";

    private static (Guid Id, int Page)? PageRef(string? evidenceRef)
    {
        var parts = evidenceRef?.Split("#page=");
        return parts is { Length: 2 } && Guid.TryParse(parts[0], out var id) && int.TryParse(parts[1], out var page) ? (id, page) : null;
    }
}
