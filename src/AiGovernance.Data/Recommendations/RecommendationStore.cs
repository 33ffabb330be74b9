using System.Text.Json;
using AiGovernance.Core.Recommendations;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace AiGovernance.Data.Recommendations;

/// <summary>Reads and writes the recommendations table; payload, producer, evidence and effect are jsonb.</summary>
public static class RecommendationStore
{
    private const string Columns = """
        id, kind, subject_type, subject_id, payload::text, confidence, producer::text, evidence::text, input_hash, status,
        decided_by, decision_reason, edited_payload::text, effect::text, expires_at, created_at, decided_at
        """;

    /// <summary>Inserts unless (kind, subject, input hash) already exists; false means the existing one stands.</summary>
    public static async Task<bool> TryInsertAsync(TenantScope scope, Recommendation r, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            INSERT INTO recommendations (id, tenant_id, kind, subject_type, subject_id, payload, confidence, producer, evidence,
                input_hash, status, expires_at, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', $11, $12)
            ON CONFLICT (tenant_id, kind, subject_id, input_hash) DO NOTHING
            """);
        var p = cmd.Parameters;
        p.AddWithValue(r.Id);
        p.AddWithValue(scope.TenantId);
        p.AddWithValue(r.Kind);
        p.AddWithValue(r.SubjectType);
        p.AddWithValue(r.SubjectId);
        p.Add(Jsonb(r.Payload.GetRawText()));
        p.AddWithValue(r.Confidence);
        p.Add(Jsonb(Json.Serialize(r.Producer)));
        p.Add(Jsonb(Json.Serialize(r.Evidence)));
        p.AddWithValue(r.InputHash);
        p.AddWithValue(r.ExpiresAt);
        p.AddWithValue(r.CreatedAt);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public static async Task<Recommendation?> FindAsync(TenantScope scope, string kind, string subjectId, string inputHash, CancellationToken ct)
    {
        await using var cmd = scope.Command($"SELECT {Columns} FROM recommendations WHERE kind = $1 AND subject_id = $2 AND input_hash = $3");
        cmd.Parameters.AddWithValue(kind);
        cmd.Parameters.AddWithValue(subjectId);
        cmd.Parameters.AddWithValue(inputHash);
        return (await ReadAllAsync(cmd, ct)).FirstOrDefault();
    }

    public static Task<Recommendation?> GetAsync(TenantScope scope, Guid id, CancellationToken ct) => LoadAsync(scope, id, forUpdate: false, ct);

    /// <summary>Row-locks the recommendation so concurrent decisions (and the expiry job) apply one at a time.</summary>
    public static Task<Recommendation?> LoadForUpdateAsync(TenantScope scope, Guid id, CancellationToken ct) => LoadAsync(scope, id, forUpdate: true, ct);

    public static async Task<IReadOnlyList<Recommendation>> ListAsync(TenantScope scope, string? status, string? kind, string? subjectId, int limit,
        CancellationToken ct)
    {
        await using var cmd = scope.Command($"""
            SELECT {Columns} FROM recommendations
            WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR subject_id = $3)
            ORDER BY created_at DESC, id LIMIT $4
            """);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)status ?? DBNull.Value);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)kind ?? DBNull.Value);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)subjectId ?? DBNull.Value);
        cmd.Parameters.AddWithValue(limit);
        return await ReadAllAsync(cmd, ct);
    }

    /// <summary>Writes the final state; the WHERE on 'pending' makes a second writer a visible failure, not a silent overwrite.</summary>
    public static async Task SaveOutcomeAsync(TenantScope scope, Recommendation r, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            UPDATE recommendations SET status = $2, decided_by = $3, decision_reason = $4, edited_payload = $5, effect = $6, decided_at = $7
            WHERE id = $1 AND status = 'pending'
            """);
        var p = cmd.Parameters;
        p.AddWithValue(r.Id);
        p.AddWithValue(r.Status.ToSnakeCase());
        p.AddWithValue((object?)r.DecidedBy ?? DBNull.Value);
        p.AddWithValue((object?)r.DecisionReason ?? DBNull.Value);
        p.Add(Jsonb(r.EditedPayload?.GetRawText()));
        p.Add(Jsonb(r.Effect is null ? null : Json.Serialize(r.Effect)));
        p.AddWithValue(r.DecidedAt is { } at ? at : DBNull.Value);
        if (await cmd.ExecuteNonQueryAsync(ct) != 1)
            throw new InvalidOperationException($"recommendation {r.Id} was not pending when its outcome was saved (it should have been row-locked)");
    }

    private static async Task<Recommendation?> LoadAsync(TenantScope scope, Guid id, bool forUpdate, CancellationToken ct)
    {
        await using var cmd = scope.Command($"SELECT {Columns} FROM recommendations WHERE id = $1{(forUpdate ? " FOR UPDATE" : "")}");
        cmd.Parameters.AddWithValue(id);
        return (await ReadAllAsync(cmd, ct)).FirstOrDefault();
    }

    private static async Task<IReadOnlyList<Recommendation>> ReadAllAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<Recommendation>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            EnumNames.TryParseSnake<RecommendationStatus>(r.GetString(9), out var status);
            list.Add(new Recommendation
            {
                Id = r.GetGuid(0),
                Kind = r.GetString(1),
                SubjectType = r.GetString(2),
                SubjectId = r.GetString(3),
                Payload = Parse(r.GetString(4)),
                Confidence = r.GetDouble(5),
                Producer = Json.Deserialize<RecommendationProducer>(r.GetString(6)),
                Evidence = Json.Deserialize<List<EvidenceRef>>(r.GetString(7)),
                InputHash = r.GetString(8),
                Status = status,
                DecidedBy = r.IsDBNull(10) ? null : r.GetString(10),
                DecisionReason = r.IsDBNull(11) ? null : r.GetString(11),
                EditedPayload = r.IsDBNull(12) ? null : Parse(r.GetString(12)),
                Effect = r.IsDBNull(13) ? null : Json.Deserialize<RecommendationEffect>(r.GetString(13)),
                ExpiresAt = r.GetFieldValue<DateTimeOffset>(14),
                CreatedAt = r.GetFieldValue<DateTimeOffset>(15),
                DecidedAt = r.IsDBNull(16) ? null : r.GetFieldValue<DateTimeOffset>(16),
            });
        }
        return list;
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static NpgsqlParameter Jsonb(string? json) => new() { Value = (object?)json ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb };
}
