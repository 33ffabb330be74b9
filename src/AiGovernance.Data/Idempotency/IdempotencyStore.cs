using System.Security.Cryptography;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Idempotency;

public sealed record StoredResponse(int StatusCode, string Body, string? Location);

/// <summary>Outcome of claiming an idempotency key (Stripe semantics).</summary>
public abstract record IdempotencyClaim
{
    /// <summary>First use of the key: go ahead and store the response in the same transaction.</summary>
    public sealed record Fresh : IdempotencyClaim;
    /// <summary>Same key, same body: replay the stored response.</summary>
    public sealed record Replay(StoredResponse Response) : IdempotencyClaim;
    /// <summary>Same key, different body: 422.</summary>
    public sealed record Mismatch : IdempotencyClaim;
}

/// <summary>
/// Idempotency keys per tenant and caller. The key row is inserted in the request's own transaction,
/// so a concurrent retry waits on the unique index and then sees the committed response.
/// </summary>
public static class IdempotencyStore
{
    public static string HashBody(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    public static async Task<IdempotencyClaim> ClaimAsync(TenantScope scope, string principal, string key, string requestHash, CancellationToken ct)
    {
        await using (var insert = scope.Command("""
            INSERT INTO idempotency_keys (tenant_id, principal, key, request_hash) VALUES ($1, $2, $3, $4)
            ON CONFLICT DO NOTHING
            """))
        {
            insert.Parameters.AddWithValue(scope.TenantId);
            insert.Parameters.AddWithValue(principal);
            insert.Parameters.AddWithValue(key);
            insert.Parameters.AddWithValue(requestHash);
            if (await insert.ExecuteNonQueryAsync(ct) == 1) return new IdempotencyClaim.Fresh();
        }
        await using var select = scope.Command("SELECT request_hash, status_code, response_body, location FROM idempotency_keys WHERE principal = $1 AND key = $2");
        select.Parameters.AddWithValue(principal);
        select.Parameters.AddWithValue(key);
        await using var r = await select.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) throw new InvalidOperationException("idempotency key vanished");
        if (r.GetString(0) != requestHash) return new IdempotencyClaim.Mismatch();
        return new IdempotencyClaim.Replay(new StoredResponse(r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
    }

    public static async Task CompleteAsync(TenantScope scope, string principal, string key, StoredResponse response, CancellationToken ct)
    {
        await using var cmd = scope.Command("UPDATE idempotency_keys SET status_code = $3, response_body = $4, location = $5 WHERE principal = $1 AND key = $2");
        cmd.Parameters.AddWithValue(principal);
        cmd.Parameters.AddWithValue(key);
        cmd.Parameters.AddWithValue(response.StatusCode);
        cmd.Parameters.AddWithValue(response.Body);
        cmd.Parameters.AddWithValue((object?)response.Location ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
