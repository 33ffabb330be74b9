using System.Runtime.CompilerServices;
using System.Text;
using AiGovernance.Data.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace AiGovernance.Data.DecisionLog;

/// <summary>
/// What to read from a tenant's log. <see cref="RequisitionId"/> (set by <see cref="DecisionLogReader.ForRequisitionAsync"/>)
/// widens a requisition filter to the recommendations about it, whose entries are keyed by the recommendation.
/// Model and prompt versions match producer versions anywhere in an entry (recommendations, scoring results,
/// agent runs) and the model a promotion entry is about; a version matches when it starts with the text given.
/// </summary>
public sealed record DecisionLogFilter(
    string? SubjectId = null,
    string? Actor = null,
    string? Kind = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    long? AfterSeq = null,
    int Limit = 100,
    string? ModelVersion = null,
    string? PromptVersion = null,
    long? BeforeSeq = null,
    bool NewestFirst = false,
    Guid? RequisitionId = null);

public static class DecisionLogReader
{
    private const string Columns =
        "seq, tenant_id, kind, actor, on_behalf_of, subject_type, subject_id, payload::text, recorded_at, prev_hash, hash";

    /// <summary>Entries of the scope's tenant in sequence order (or newest first); the filter narrows, AfterSeq/BeforeSeq page.</summary>
    public static async IAsyncEnumerable<DecisionLogEntry> ReadAsync(TenantScope scope, DecisionLogFilter filter,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM decision_log WHERE tenant_id = $1");
        var args = new List<object> { scope.TenantId };
        // {0}, {1}, … in a clause are its own values; a value used twice keeps one parameter number.
        void Where(string clause, params object[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                args.Add(values[i]);
                clause = clause.Replace("{" + i + "}", "$" + args.Count, StringComparison.Ordinal);
            }
            sql.Append(" AND ").Append(clause);
        }
        if (filter.SubjectId is { } s && filter.RequisitionId is { } rid)
            Where("(subject_id = {0} OR (subject_type = 'recommendation' AND payload #>> '{subject,id}' = {1}))", s, rid.ToString());
        else if (filter.SubjectId is { } subject) Where("subject_id = {0}", subject);
        if (filter.Actor is { } a) Where("(actor = {0} OR on_behalf_of = {0})", a);
        if (filter.Kind is { } k) Where("kind = {0}", k);
        if (filter.From is { } f) Where("recorded_at >= {0}", f);
        if (filter.To is { } t) Where("recorded_at < {0}", t);
        if (filter.AfterSeq is { } after) Where("seq > {0}", after);
        if (filter.BeforeSeq is { } before) Where("seq < {0}", before);
        if (filter.ModelVersion is { } mv)
            Where("""
                (jsonb_path_exists(payload, '$.**.model_version ? (@ starts with $v)', jsonb_build_object('v', {0}::text))
                 OR (subject_type = 'model' AND split_part(subject_id, '/', 2) LIKE {1} || '%'))
                """, mv, LikePrefix(mv));
        if (filter.PromptVersion is { } pv)
            Where("""
                (jsonb_path_exists(payload, '$.**.prompt_version ? (@ starts with $v)', jsonb_build_object('v', {0}::text))
                 OR jsonb_path_exists(payload, '$.prompt.version ? (@ starts with $v)', jsonb_build_object('v', {0}::text)))
                """, pv);
        sql.Append(filter.NewestFirst ? " ORDER BY seq DESC" : " ORDER BY seq");
        if (filter.Limit > 0) sql.Append(" LIMIT ").Append(filter.Limit);

        await using var cmd = scope.Command(sql.ToString());
        foreach (var arg in args) cmd.Parameters.AddWithValue(arg);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) yield return Read(r);
    }

    /// <summary>One entry of the scope's tenant, or null (another tenant's sequence number reads as missing).</summary>
    public static async Task<DecisionLogEntry?> GetAsync(TenantScope scope, long seq, CancellationToken ct)
    {
        await using var cmd = scope.Command($"SELECT {Columns} FROM decision_log WHERE tenant_id = $1 AND seq = $2");
        cmd.Parameters.AddWithValue(scope.TenantId);
        cmd.Parameters.AddWithValue(seq);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? Read(r) : null;
    }

    /// <summary>
    /// The filter for a requisition named by its number or its id: requisition entries are keyed by the number,
    /// recommendations about it by their own id (their payload names the requisition), so both are matched.
    /// Text that names no requisition of the tenant filters on the subject id as typed.
    /// </summary>
    public static async Task<DecisionLogFilter> ForRequisitionAsync(TenantScope scope, DecisionLogFilter filter, string? requisition, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(requisition)) return filter;
        var text = requisition.Trim();
        await using var cmd = scope.Command("SELECT id, number FROM requisitions WHERE tenant_id = $1 AND (number = $2 OR id = $3) LIMIT 1");
        cmd.Parameters.AddWithValue(scope.TenantId);
        cmd.Parameters.AddWithValue(text);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Uuid, Guid.TryParse(text, out var id) ? id : DBNull.Value);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct)
            ? filter with { SubjectId = r.GetString(1), RequisitionId = r.GetGuid(0) }
            : filter with { SubjectId = text, RequisitionId = null };
    }

    private static string LikePrefix(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    internal static DecisionLogEntry Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetGuid(1), r.GetString(2), r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
        r.GetString(7), r.GetFieldValue<DateTimeOffset>(8), r.GetString(9), r.GetString(10));

    internal const string AllColumns = Columns;
}
