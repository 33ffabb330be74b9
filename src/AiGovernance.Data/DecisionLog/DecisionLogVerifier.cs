using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.DecisionLog;

public sealed record ChainVerification(bool Valid, long EntriesChecked, long? FirstBrokenSeq, string? Problem, long? LastSeq, string? LastHash);

/// <summary>
/// Walks a tenant's chain in sequence order, recomputing every hash. An altered entry fails its own
/// hash; a removed or reordered one breaks the next entry's link; a removed tail disagrees with the head.
/// </summary>
public static class DecisionLogVerifier
{
    public static async Task<ChainVerification> VerifyAsync(TenantScope scope, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var expectedPrev = DecisionLogEntry.GenesisHash;
        long count = 0;
        long? lastSeq = null;
        await using (var cmd = scope.Command($"SELECT {DecisionLogReader.AllColumns} FROM decision_log WHERE tenant_id = $1 ORDER BY seq"))
        {
            cmd.Parameters.AddWithValue(scope.TenantId);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var e = DecisionLogReader.Read(r);
                if (e.PrevHash != expectedPrev)
                    return Broken(count, e.Seq, $"entry {e.Seq} links to {Short(e.PrevHash)} but the previous entry's hash is {Short(expectedPrev)}: an entry before it was removed, inserted or altered", lastSeq, expectedPrev);
                var recomputed = e.ExpectedHash();
                if (recomputed != e.Hash)
                    return Broken(count, e.Seq, $"entry {e.Seq} ({e.Kind}) was altered: its content hashes to {Short(recomputed)}, stored hash is {Short(e.Hash)}", lastSeq, expectedPrev);
                expectedPrev = e.Hash;
                lastSeq = e.Seq;
                if (++count % 10_000 == 0) progress?.Report(count);
            }
        }
        await using (var head = scope.Command("SELECT last_seq, last_hash FROM decision_log_heads WHERE tenant_id = $1"))
        {
            head.Parameters.AddWithValue(scope.TenantId);
            await using var r = await head.ExecuteReaderAsync(ct);
            if (await r.ReadAsync(ct) && (r.GetInt64(0) != (lastSeq ?? 0) || r.GetString(1) != expectedPrev))
                return Broken(count, r.GetInt64(0), $"the chain head records entry {r.GetInt64(0)} ({Short(r.GetString(1))}) but the log ends at {lastSeq}: entries at the end were removed", lastSeq, expectedPrev);
        }
        return new ChainVerification(true, count, null, null, lastSeq, expectedPrev);
    }

    private static ChainVerification Broken(long count, long seq, string problem, long? lastSeq, string lastHash) =>
        new(false, count, seq, problem, lastSeq, lastHash);

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;
}
