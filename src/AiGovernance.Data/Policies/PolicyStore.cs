using System.Security.Cryptography;
using System.Text;
using AiGovernance.Core;
using AiGovernance.Core.Policies;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Tenancy;
using Npgsql;

namespace AiGovernance.Data.Policies;

/// <summary>Thrown when an uploaded policy does not validate; carries every line-numbered error.</summary>
public sealed class PolicyInvalidException(IReadOnlyList<PolicyError> errors)
    : Exception($"The policy has {errors.Count} error(s); first: line {errors[0].Line}: {errors[0].Message}")
{
    public IReadOnlyList<PolicyError> Errors { get; } = errors;
}

/// <summary>Versioned approval policies per tenant: upload (validated), list, activate.</summary>
public static class PolicyStore
{
    private const string Columns = "id, version, name, sha256, uploaded_by, uploaded_at, is_active, activated_at";

    public static async Task<PolicyVersionInfo> UploadAsync(TenantScope scope, string yaml, string actor, TimeProvider clock, CancellationToken ct)
    {
        var parsed = PolicyParser.Parse(yaml);
        if (!parsed.IsValid) throw new PolicyInvalidException(parsed.Errors);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)));
        // Serialize uploads per tenant so version numbers stay gap-free and unique.
        await LockPoliciesAsync(scope, ct);
        var existing = (await ListAsync(scope, ct)).FirstOrDefault(v => v.Sha256 == sha);
        if (existing is not null) return existing; // the same document uploaded again is the same version
        await using var cmd = scope.Command($"""
            INSERT INTO policy_versions (tenant_id, version, name, yaml, sha256, uploaded_by, uploaded_at)
            VALUES ($1, (SELECT coalesce(max(version), 0) + 1 FROM policy_versions WHERE tenant_id = $1), $2, $3, $4, $5, $6)
            RETURNING {Columns}
            """);
        cmd.Parameters.AddWithValue(scope.TenantId);
        cmd.Parameters.AddWithValue(parsed.Policy!.Name);
        cmd.Parameters.AddWithValue(yaml);
        cmd.Parameters.AddWithValue(sha);
        cmd.Parameters.AddWithValue(actor);
        cmd.Parameters.AddWithValue(clock.GetUtcNow());
        var info = (await ReadAsync(cmd, ct))[0];
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.PolicyUploaded, actor, "policy", info.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { info.Version, info.Name, info.Sha256, rules = parsed.Policy.Rules.Count }), clock, ct);
        return info;
    }

    public static async Task<IReadOnlyList<PolicyVersionInfo>> ListAsync(TenantScope scope, CancellationToken ct)
    {
        await using var cmd = scope.Command($"SELECT {Columns} FROM policy_versions ORDER BY version");
        return await ReadAsync(cmd, ct);
    }

    public static async Task<string?> GetYamlAsync(TenantScope scope, int version, CancellationToken ct)
    {
        await using var cmd = scope.Command("SELECT yaml FROM policy_versions WHERE version = $1");
        cmd.Parameters.AddWithValue(version);
        return (string?)await cmd.ExecuteScalarAsync(ct);
    }

    /// <param name="expectedActive">
    /// When given, the version the caller saw active (0: none) when deciding; a different active version means someone
    /// changed the policy meanwhile, and the activation is refused rather than silently replacing their change.
    /// </param>
    public static async Task<PolicyVersionInfo> ActivateAsync(TenantScope scope, int version, string actor, TimeProvider clock, CancellationToken ct,
        int? expectedActive = null)
    {
        await LockPoliciesAsync(scope, ct);
        var all = await ListAsync(scope, ct);
        var target = all.FirstOrDefault(v => v.Version == version)
            ?? throw DomainException.NotFound("policy_version_not_found", $"Policy version {version} does not exist.");
        var previous = all.FirstOrDefault(v => v.IsActive);
        if (expectedActive is { } expected && (previous?.Version ?? 0) != expected)
            throw DomainException.Conflict("policy_changed_meanwhile",
                $"The active policy changed since the comparison was shown (then: {(expected == 0 ? "none" : $"version {expected}")}, now: " +
                $"{(previous is null ? "none" : $"version {previous.Version} by {previous.UploadedBy}")}). Check the policy again against the new active version.");
        if (previous?.Version == version) return target;
        await using (var cmd = scope.Command("UPDATE policy_versions SET is_active = false WHERE is_active"))
            await cmd.ExecuteNonQueryAsync(ct);
        await using (var cmd = scope.Command($"UPDATE policy_versions SET is_active = true, activated_at = $2 WHERE version = $1 RETURNING {Columns}"))
        {
            cmd.Parameters.AddWithValue(version);
            cmd.Parameters.AddWithValue(clock.GetUtcNow());
            target = (await ReadAsync(cmd, ct))[0];
        }
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.PolicyActivated, actor, "policy", version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { version, previous_version = previous?.Version, target.Sha256 }), clock, ct);
        return target;
    }

    public static async Task<ActivePolicy?> GetActiveAsync(TenantScope scope, PolicyCache cache, CancellationToken ct)
    {
        await using var cmd = scope.Command($"SELECT {Columns}, yaml FROM policy_versions WHERE is_active");
        return await ReadWithPolicyAsync(cmd, cache, ct);
    }

    public static async Task<ActivePolicy?> GetByIdAsync(TenantScope scope, long id, PolicyCache cache, CancellationToken ct)
    {
        await using var cmd = scope.Command($"SELECT {Columns}, yaml FROM policy_versions WHERE id = $1");
        cmd.Parameters.AddWithValue(id);
        return await ReadWithPolicyAsync(cmd, cache, ct);
    }

    private static async Task<ActivePolicy?> ReadWithPolicyAsync(NpgsqlCommand cmd, PolicyCache cache, CancellationToken ct)
    {
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        var info = Read(r);
        return new ActivePolicy(info, cache.GetOrParse(info.Id, r.GetString(8)));
    }

    /// <summary>One policy change per tenant at a time (uploads number versions; activations swap the active one).</summary>
    private static async Task LockPoliciesAsync(TenantScope scope, CancellationToken ct)
    {
        await using var lockCmd = scope.Command("SELECT pg_advisory_xact_lock(hashtext('policy:' || $1::text))");
        lockCmd.Parameters.AddWithValue(scope.TenantId.ToString());
        await lockCmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<List<PolicyVersionInfo>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<PolicyVersionInfo>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(Read(r));
        return list;
    }

    private static PolicyVersionInfo Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetString(4),
        r.GetFieldValue<DateTimeOffset>(5), r.GetBoolean(6), r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7));
}
