using AiGovernance.Core;
using AiGovernance.Core.Recommendations;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;
using NpgsqlTypes;

namespace AiGovernance.Data.Reviews;

public sealed record PostReview(Guid Id, Guid RequisitionId, string RequisitionNumber, string Reason, string Status, DateTimeOffset DueAt,
    string? CompletedBy, string? Outcome, string? Comment, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt);

/// <summary>
/// Mandatory after-the-fact reviews of emergency purchases: opened in the approving transaction,
/// completed by an independent reviewer (not the requester, not an approver).
/// </summary>
public static class PostReviews
{
    private const string Columns = """
        p.id, p.requisition_id, r.number, p.reason, p.status, p.due_at, p.completed_by, p.outcome, p.comment, p.created_at, p.completed_at
        """;

    /// <summary>Called for every final approval (human or automatic); only emergencies need a review, and at most one each.</summary>
    public static async Task OpenIfRequiredAsync(TenantScope scope, Requisition r, TimeProvider clock, CancellationToken ct)
    {
        if (!PostReviewRules.Requires(r)) return;
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var reason = PostReviewRules.ReasonFor(r);
        await using var cmd = scope.Command("""
            INSERT INTO post_reviews (id, tenant_id, requisition_id, reason, status, due_at, created_at)
            VALUES ($1, $2, $3, $4, 'open', $5, $6) ON CONFLICT (requisition_id) DO NOTHING
            """);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(scope.TenantId);
        cmd.Parameters.AddWithValue(r.Id);
        cmd.Parameters.AddWithValue(reason);
        cmd.Parameters.AddWithValue(now + PostReviewRules.DueAfter);
        cmd.Parameters.AddWithValue(now);
        if (await cmd.ExecuteNonQueryAsync(ct) == 0) return;
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.PostReviewCreated, "system", "requisition", r.Number,
            new { review_id = id, requisition_id = r.Id, reason, due_at = now + PostReviewRules.DueAfter, status_after = r.Status }), clock, ct);
    }

    public static async Task<IReadOnlyList<PostReview>> ListAsync(TenantScope scope, string? status, int limit, CancellationToken ct)
    {
        await using var cmd = scope.Command($"""
            SELECT {Columns} FROM post_reviews p JOIN requisitions r ON r.id = p.requisition_id
            WHERE ($1::text IS NULL OR p.status = $1) ORDER BY p.due_at, p.id LIMIT $2
            """);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)status ?? DBNull.Value);
        cmd.Parameters.AddWithValue(limit);
        return await ReadAllAsync(cmd, ct);
    }

    public static async Task<PostReview> CompleteAsync(TenantScope scope, Guid id, string reviewerId, string? outcome, string? comment,
        TimeProvider clock, CancellationToken ct)
    {
        PostReviewRules.ValidateCompletion(outcome, comment);
        var review = await GetAsync(scope, id, forUpdate: true, ct)
            ?? throw DomainException.NotFound("post_review_not_found", $"Review {id} was not found.");
        if (review.Status != "open")
            throw DomainException.Conflict("post_review_not_open", $"Review {id} was already completed by {review.CompletedBy}.");
        var requisition = (await RequisitionStore.GetAsync(scope, review.RequisitionId, ct))!.Requisition;
        try
        {
            PostReviewRules.CheckReviewer(reviewerId, requisition);
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.Forbidden)
        {
            await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.SodRefusal, reviewerId, "requisition", requisition.Number,
                new { review_id = id, requisition_id = requisition.Id, code = ex.Code, reason = ex.Message }), clock, ct);
            await scope.CommitAsync(ct);
            throw;
        }
        var now = clock.GetUtcNow();
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        await using (var cmd = scope.Command("""
            UPDATE post_reviews SET status = 'completed', completed_by = $2, outcome = $3, comment = $4, completed_at = $5 WHERE id = $1
            """))
        {
            cmd.Parameters.AddWithValue(id);
            cmd.Parameters.AddWithValue(reviewerId);
            cmd.Parameters.AddWithValue(outcome!);
            cmd.Parameters.AddWithValue((object?)text ?? DBNull.Value);
            cmd.Parameters.AddWithValue(now);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.PostReviewCompleted, reviewerId, "requisition", requisition.Number,
            new { review_id = id, requisition_id = requisition.Id, outcome, comment = text, overdue = now > review.DueAt }), clock, ct);
        return review with { Status = "completed", CompletedBy = reviewerId, Outcome = outcome!, Comment = text, CompletedAt = now };
    }

    public static Task<PostReview?> GetAsync(TenantScope scope, Guid id, CancellationToken ct) => GetAsync(scope, id, forUpdate: false, ct);

    private static async Task<PostReview?> GetAsync(TenantScope scope, Guid id, bool forUpdate, CancellationToken ct)
    {
        await using var cmd = scope.Command($"""
            SELECT {Columns} FROM post_reviews p JOIN requisitions r ON r.id = p.requisition_id WHERE p.id = $1{(forUpdate ? " FOR UPDATE OF p" : "")}
            """);
        cmd.Parameters.AddWithValue(id);
        return (await ReadAllAsync(cmd, ct)).FirstOrDefault();
    }

    private static async Task<IReadOnlyList<PostReview>> ReadAllAsync(Npgsql.NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<PostReview>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new PostReview(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetFieldValue<DateTimeOffset>(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8),
                r.GetFieldValue<DateTimeOffset>(9), r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10)));
        return list;
    }
}
