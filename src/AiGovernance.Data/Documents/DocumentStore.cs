using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Jobs;
using AiGovernance.Data.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace AiGovernance.Data.Documents;

/// <summary>
/// Documents per tenant. An upload is stored, logged and its processing job scheduled in one
/// transaction; the same bytes on the same subject again return the stored document unchanged.
/// </summary>
public static class DocumentStore
{
    public const string ProcessJobKind = "document.process";

    private const string Columns = """
        id, subject_type, subject_id, requisition_id, supplier_id, file_name, size_bytes, sha256, uploaded_by, uploaded_at,
        status, read_status, problem, page_count, document_type, fields::text, summary::text, injections::text, processed_at
        """;

    public static async Task<(StoredDocument Document, bool Created)> AddAsync(TenantScope scope, NewDocument doc, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await using (var cmd = scope.Command("""
            INSERT INTO documents (id, tenant_id, subject_type, subject_id, requisition_id, supplier_id, file_name, size_bytes, sha256, content, uploaded_by, uploaded_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            ON CONFLICT (tenant_id, subject_type, subject_id, sha256) DO NOTHING
            """))
        {
            var p = cmd.Parameters;
            p.AddWithValue(id);
            p.AddWithValue(scope.TenantId);
            p.AddWithValue(doc.SubjectType);
            p.AddWithValue(doc.SubjectId);
            p.Add(new NpgsqlParameter { Value = doc.RequisitionId is { } r ? r : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
            p.Add(new NpgsqlParameter { Value = (object?)doc.SupplierId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            p.AddWithValue(doc.FileName);
            p.AddWithValue(doc.Content.Length);
            p.AddWithValue(doc.Sha256);
            p.AddWithValue(doc.Content);
            p.AddWithValue(doc.UploadedBy);
            p.AddWithValue(now);
            if (await cmd.ExecuteNonQueryAsync(ct) == 0)
                return (await FindAsync(scope, doc.SubjectType, doc.SubjectId, doc.Sha256, ct)
                    ?? throw new InvalidOperationException("a conflicting document vanished"), false);
        }
        await JobQueue.ScheduleAsync(scope, ProcessJobKind, id.ToString(), now, ct);
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.DocumentUploaded, doc.UploadedBy, doc.SubjectType, doc.SubjectId,
            new { document_id = id, file_name = doc.FileName, size_bytes = doc.Content.Length, sha256 = doc.Sha256 }), clock, ct);
        return ((await GetAsync(scope, id, ct))!, true);
    }

    public static async Task<StoredDocument?> GetAsync(TenantScope scope, Guid id, CancellationToken ct)
    {
        await using var cmd = scope.Command($"SELECT {Columns} FROM documents WHERE id = $1");
        cmd.Parameters.AddWithValue(id);
        return (await ReadAllAsync(cmd, ct)).SingleOrDefault();
    }

    public static async Task<IReadOnlyList<StoredDocument>> ListAsync(TenantScope scope, string subjectType, string subjectId, CancellationToken ct)
    {
        await using var cmd = scope.Command($"SELECT {Columns} FROM documents WHERE subject_type = $1 AND subject_id = $2 ORDER BY uploaded_at, id");
        cmd.Parameters.AddWithValue(subjectType);
        cmd.Parameters.AddWithValue(subjectId);
        return await ReadAllAsync(cmd, ct);
    }

    /// <summary>Other subjects the same bytes were uploaded to (an invoice submitted twice is worth a look).</summary>
    public static async Task<IReadOnlyList<StoredDocument>> SameFileElsewhereAsync(TenantScope scope, StoredDocument doc, CancellationToken ct)
    {
        await using var cmd = scope.Command($"SELECT {Columns} FROM documents WHERE sha256 = $1 AND id <> $2 ORDER BY uploaded_at LIMIT 20");
        cmd.Parameters.AddWithValue(doc.Sha256);
        cmd.Parameters.AddWithValue(doc.Id);
        return await ReadAllAsync(cmd, ct);
    }

    public static async Task<byte[]?> ContentAsync(TenantScope scope, Guid id, CancellationToken ct)
    {
        await using var cmd = scope.Command("SELECT content FROM documents WHERE id = $1");
        cmd.Parameters.AddWithValue(id);
        return await cmd.ExecuteScalarAsync(ct) as byte[];
    }

    /// <summary>The text of one page (1-based), or null when the document or the page does not exist.</summary>
    public static async Task<string?> PageTextAsync(TenantScope scope, Guid id, int page, CancellationToken ct)
    {
        await using var cmd = scope.Command("SELECT pages->>($2 - 1) FROM documents WHERE id = $1");
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(page);
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>Stores the analysis. Re-processing overwrites it, so a retried job leaves one result.</summary>
    public static async Task SaveAnalysisAsync(TenantScope scope, Guid id, DocumentAnalysisRecord a, TimeProvider clock, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            UPDATE documents SET status = $2, read_status = $3, problem = $4, page_count = $5, document_type = $6,
                fields = $7, summary = $8, injections = $9, pages = $10, processed_at = $11
            WHERE id = $1
            """);
        var p = cmd.Parameters;
        p.AddWithValue(id);
        p.AddWithValue(a.Readable ? "processed" : "unreadable");
        p.AddWithValue(a.ReadStatus);
        p.Add(new NpgsqlParameter { Value = (object?)a.Problem ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.AddWithValue(a.PageCount);
        p.Add(new NpgsqlParameter { Value = (object?)a.DocumentType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = a.FieldsJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        p.Add(new NpgsqlParameter { Value = (object?)a.SummaryJson ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb });
        p.Add(new NpgsqlParameter { Value = a.InjectionsJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        p.Add(new NpgsqlParameter { Value = a.PagesJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        p.AddWithValue(clock.GetUtcNow());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<StoredDocument?> FindAsync(TenantScope scope, string subjectType, string subjectId, string sha256, CancellationToken ct)
    {
        await using var cmd = scope.Command($"SELECT {Columns} FROM documents WHERE subject_type = $1 AND subject_id = $2 AND sha256 = $3");
        cmd.Parameters.AddWithValue(subjectType);
        cmd.Parameters.AddWithValue(subjectId);
        cmd.Parameters.AddWithValue(sha256);
        return (await ReadAllAsync(cmd, ct)).SingleOrDefault();
    }

    private static async Task<List<StoredDocument>> ReadAllAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<StoredDocument>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new StoredDocument(r.GetGuid(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetGuid(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.GetInt32(6), r.GetString(7), r.GetString(8),
                r.GetFieldValue<DateTimeOffset>(9), r.GetString(10), r.IsDBNull(11) ? null : r.GetString(11),
                r.IsDBNull(12) ? null : r.GetString(12), r.IsDBNull(13) ? null : r.GetInt32(13), r.IsDBNull(14) ? null : r.GetString(14),
                r.GetString(15), r.IsDBNull(16) ? null : r.GetString(16), r.GetString(17),
                r.IsDBNull(18) ? null : r.GetFieldValue<DateTimeOffset>(18)));
        return list;
    }
}
