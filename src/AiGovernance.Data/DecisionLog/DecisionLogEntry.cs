using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AiGovernance.Data.DecisionLog;

/// <summary>What a caller asks to log. The writer adds sequence, time and hashes.</summary>
public sealed record NewDecisionLogEntry(
    string Kind,
    string Actor,
    string? SubjectType,
    string? SubjectId,
    object Payload,
    string? OnBehalfOf = null);

/// <summary>A stored, hash-chained decision log entry.</summary>
public sealed record DecisionLogEntry(
    long Seq,
    Guid TenantId,
    string Kind,
    string Actor,
    string? OnBehalfOf,
    string? SubjectType,
    string? SubjectId,
    string PayloadJson,
    DateTimeOffset RecordedAt,
    string PrevHash,
    string Hash)
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The hash covers every field but itself, in canonical form, including the previous hash.</summary>
    public static string ComputeHash(long seq, Guid tenantId, string kind, string actor, string? onBehalfOf,
        string? subjectType, string? subjectId, string payloadJson, DateTimeOffset recordedAt, string prevHash)
    {
        var content = new JsonObject
        {
            ["seq"] = seq,
            ["tenant_id"] = tenantId.ToString(),
            ["kind"] = kind,
            ["actor"] = actor,
            ["on_behalf_of"] = onBehalfOf,
            ["subject_type"] = subjectType,
            ["subject_id"] = subjectId,
            ["payload"] = JsonNode.Parse(payloadJson),
            ["recorded_at"] = FormatTimestamp(recordedAt),
            ["prev_hash"] = prevHash,
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson.Canonicalize(content))));
    }

    public string ExpectedHash() =>
        ComputeHash(Seq, TenantId, Kind, Actor, OnBehalfOf, SubjectType, SubjectId, PayloadJson, RecordedAt, PrevHash);

    /// <summary>PostgreSQL keeps microseconds; the hash uses exactly what is stored.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);

    public static string FormatTimestamp(DateTimeOffset t) =>
        t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
