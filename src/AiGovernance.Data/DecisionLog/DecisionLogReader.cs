using System.Runtime.CompilerServices;
using System.Text;
using AiGovernance.Data.Tenancy;
using Npgsql;

namespace AiGovernance.Data.DecisionLog;

public sealed record DecisionLogFilter(
    string? SubjectId = null,
    string? Actor = null,
    string? Kind = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    long? AfterSeq = null,
    int Limit = 100);

public static class DecisionLogReader
{
    private const string Columns =
        "seq, tenant_id, kind, actor, on_behalf_of, subject_type, subject_id, payload::text, recorded_at, prev_hash, hash";

    /// <summary>Entries of the scope's tenant in sequence order; the filter narrows, AfterSeq pages.</summary>
    public static async IAsyncEnumerable<DecisionLogEntry> ReadAsync(TenantScope scope, DecisionLogFilter filter,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM decision_log WHERE tenant_id = $1");
        var args = new List<object> { scope.TenantId };
        void Where(string clause, object value)
        {
            args.Add(value);
            sql.Append(" AND ").Append(clause.Replace("?", "$" + args.Count, StringComparison.Ordinal));
        }
        if (filter.SubjectId is { } s) Where("subject_id = ?", s);
        if (filter.Actor is { } a) Where("(actor = ? OR on_behalf_of = ?)", a);
        if (filter.Kind is { } k) Where("kind = ?", k);
        if (filter.From is { } f) Where("recorded_at >= ?", f);
        if (filter.To is { } t) Where("recorded_at < ?", t);
        if (filter.AfterSeq is { } after) Where("seq > ?", after);
        sql.Append(" ORDER BY seq");
        if (filter.Limit > 0) sql.Append(" LIMIT ").Append(filter.Limit);

        await using var cmd = scope.Command(sql.ToString());
        // "(actor = ? OR on_behalf_of = ?)" uses one parameter twice: both placeholders get its number.
        foreach (var arg in args) cmd.Parameters.AddWithValue(arg);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) yield return Read(r);
    }

    internal static DecisionLogEntry Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetGuid(1), r.GetString(2), r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
        r.GetString(7), r.GetFieldValue<DateTimeOffset>(8), r.GetString(9), r.GetString(10));

    internal const string AllColumns = Columns;
}
