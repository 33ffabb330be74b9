using AiGovernance.Agents.Documents;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Documents;
using AiGovernance.Data.Jobs;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Tenancy;
using AiGovernance.Data.FollowUp;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiGovernance.Worker.Documents;

/// <summary>
/// Reads an uploaded document (job <c>document.process</c>): pages, fields, text addressed to an AI and
/// the summary are computed outside any transaction (it can take seconds), then stored together with
/// the cross-check recommendations and the log entries in one transaction. A retried job recomputes and
/// overwrites; recommendations are deduplicated by their input hash.
/// </summary>
public sealed class DocumentProcessingHandler(NpgsqlDataSource db, IDocumentAnalyzer analyzer, IOptions<DocumentOptions> options,
    TimeProvider clock) : IJobHandler
{
    public const string Actor = "system:documents";

    public string Kind => DocumentStore.ProcessJobKind;

    public async Task<JobResult> HandleAsync(ClaimedJob job, CancellationToken ct)
    {
        if (!Guid.TryParse(job.SubjectId, out var id)) return new JobResult.Done();
        var o = options.Value;
        StoredDocument? doc;
        byte[]? content;
        await using (var read = await TenantScope.BeginAsync(db, job.TenantId, ct))
        {
            doc = await DocumentStore.GetAsync(read, id, ct);
            content = doc is null ? null : await DocumentStore.ContentAsync(read, id, ct);
        }
        if (doc is null || content is null) return new JobResult.Done();

        var analysis = await analyzer.AnalyzeAsync(content,
            new DocumentReadOptions { MaxPages = o.MaxPages, MaxBytes = o.MaxBytes, Timeout = TimeSpan.FromSeconds(o.TimeoutSeconds) }, ct);

        await using var scope = await TenantScope.BeginAsync(db, job.TenantId, ct);
        await DocumentStore.SaveAnalysisAsync(scope, id, DocumentRecords.From(analysis), clock, ct);
        var findings = analysis.Read.IsReadable && await PolicyStore.GetActiveAsync(scope, PolicyCache.Shared, ct) is { } policy
            ? await DocumentCrossChecks.PostAsync(scope, doc, analysis.Fields, policy.Policy, o.RecommendationLifetimeHours, Actor, clock, ct)
            : [];
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.DocumentProcessed, Actor, doc.SubjectType, doc.SubjectId, new
        {
            document_id = id,
            input_hash = doc.Sha256,
            read_status = analysis.Read.Status.ToSnakeCase(),
            problem = analysis.Read.Problem,
            pages = analysis.Read.PageCount,
            document_type = analysis.Read.IsReadable ? analysis.Fields.DocumentType : null,
            fields = analysis.Fields.Fields.Select(f => new { f.Name, f.Value, f.Confidence, f.Page }),
            summary = analysis.Summary is { } s
                ? new { s.Kind, s.Provider, s.Model, s.PromptId, s.PromptVersion, s.PromptHash, s.Flags, s.FallbackReason, s.RejectedGeneration,
                    tokens = s.InputTokens is null && s.OutputTokens is null ? null : new { input = s.InputTokens, output = s.OutputTokens } }
                : null,
            cross_checks = findings.Select(f => new { f.Code, f.Severity, f.Message, f.Confidence }),
            elapsed_ms = (int)analysis.Read.Elapsed.TotalMilliseconds,
        }), clock, ct);
        if (analysis.Injections.Count > 0)
            await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.DocumentAddressesAi, Actor, doc.SubjectType, doc.SubjectId, new
            {
                document_id = id,
                input_hash = doc.Sha256,
                text = "document contains instructions addressed to an AI; they were treated as data and ignored",
                findings = analysis.Injections,
            }), clock, ct);
        // The documents a requisition carries changed: the follow-up agent looks again at what is missing.
        if (doc.RequisitionId is { } requisitionId) await FollowUpJobs.ScheduleAsync(scope, requisitionId, clock, ct);
        await scope.CommitAsync(ct);
        return new JobResult.Done();
    }
}
