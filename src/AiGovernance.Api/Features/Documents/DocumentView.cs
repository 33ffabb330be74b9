using System.Text.Json;
using AiGovernance.Data.Documents;

namespace AiGovernance.Api.Features.Documents;

/// <summary>A document as the API shows it: the file, how reading went, and what was read from it.</summary>
/// <param name="Status">queued (not read yet), processed, or unreadable (see read_status and problem).</param>
/// <param name="Fields">Each extracted field with value, confidence, page and the evidence text.</param>
/// <param name="Summary">The reviewer-facing summary: kind (extractive | generative), label, sentences with their page, flags.</param>
/// <param name="Injections">Text in the document addressed to an AI; it was ignored.</param>
/// <param name="SameFileElsewhere">The same bytes attached to other subjects.</param>
public sealed record DocumentView(
    Guid Id,
    DocumentSubject Subject,
    string FileName,
    int SizeBytes,
    string Sha256,
    string UploadedBy,
    DateTimeOffset UploadedAt,
    string Status,
    string? ReadStatus,
    string? Problem,
    int? PageCount,
    string? DocumentType,
    JsonElement Fields,
    JsonElement? Summary,
    JsonElement Injections,
    IReadOnlyList<SubjectLink> SameFileElsewhere,
    DocumentLinks Links)
{
    public static DocumentView From(StoredDocument d, IReadOnlyList<StoredDocument> elsewhere) => new(
        d.Id, new DocumentSubject(d.SubjectType, d.SubjectId), d.FileName, d.SizeBytes, d.Sha256, d.UploadedBy, d.UploadedAt, d.Status, d.ReadStatus, d.Problem,
        d.PageCount, d.DocumentType, Parse(d.FieldsJson), d.SummaryJson is null ? null : Parse(d.SummaryJson), Parse(d.InjectionsJson),
        elsewhere.Select(SubjectLink.Of).ToList(),
        new DocumentLinks($"/api/documents/{d.Id}/content", $"/api/documents/{d.Id}/pages/{{page}}"));

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}

/// <summary>What a document is attached to: a requisition (its id) or a supplier (its id).</summary>
public sealed record DocumentSubject(string Type, string Id);

/// <summary>The same file attached elsewhere: the subject and that copy's document id.</summary>
public sealed record SubjectLink(string Type, string Id, Guid DocumentId)
{
    public static SubjectLink Of(StoredDocument d) => new(d.SubjectType, d.SubjectId, d.Id);
}

/// <param name="Page">Template: replace {page} with a page number from 1.</param>
public sealed record DocumentLinks(string Content, string Page);

public sealed record PageView(Guid DocumentId, int Page, string Text);
