using AiGovernance.Core;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Documents;

/// <summary>The stored text of one page of a read document: the API's page endpoint and the workspace's page view both read it here.</summary>
public static class DocumentPages
{
    /// <summary>The document and its page text; 404 when either is missing, 409 while the document still waits to be read.</summary>
    public static async Task<(StoredDocument Document, string Text)> ReadAsync(TenantScope scope, Guid id, int page, CancellationToken ct)
    {
        var doc = await DocumentStore.GetAsync(scope, id, ct)
            ?? throw DomainException.NotFound("document_not_found", $"Document {id} was not found.");
        if (doc.Status == "queued")
            throw DomainException.Conflict("document_not_read_yet", $"Document {id} is queued for reading; its pages are available once it is processed.");
        var text = page < 1 ? null : await DocumentStore.PageTextAsync(scope, id, page, ct);
        return text is null
            ? throw DomainException.NotFound("page_not_found", $"Document {id} has {doc.PageCount ?? 0} readable page(s); there is no page {page}.")
            : (doc, text);
    }
}
