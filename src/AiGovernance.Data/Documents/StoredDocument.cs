namespace AiGovernance.Data.Documents;

/// <summary>Subjects a document can be attached to.</summary>
public static class DocumentSubjects
{
    public const string Requisition = "requisition";
    public const string Supplier = "supplier";
}

/// <summary>A file as uploaded: the caller has already checked type and size and hashed the bytes.</summary>
public sealed record NewDocument(string SubjectType, string SubjectId, Guid? RequisitionId, string? SupplierId, string FileName,
    byte[] Content, string Sha256, string UploadedBy);

/// <summary>
/// A stored document and what was read from it. Analysis columns are JSON written by the worker
/// (fields, summary, injections as produced by AiGovernance.Agents); this layer stores them as they are.
/// </summary>
public sealed record StoredDocument(
    Guid Id,
    string SubjectType,
    string SubjectId,
    Guid? RequisitionId,
    string? SupplierId,
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
    string FieldsJson,
    string? SummaryJson,
    string InjectionsJson,
    DateTimeOffset? ProcessedAt);

/// <summary>What the worker read from a document, ready to store.</summary>
/// <param name="PagesJson">A JSON array of page texts (page 1 first), so each summary citation can link to its page.</param>
public sealed record DocumentAnalysisRecord(bool Readable, string ReadStatus, string? Problem, int PageCount, string? DocumentType,
    string FieldsJson, string? SummaryJson, string InjectionsJson, string PagesJson);
