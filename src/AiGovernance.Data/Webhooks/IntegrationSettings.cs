using System.Security.Cryptography;
using AiGovernance.Core;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Webhooks;

/// <summary>A webhook secret as listed: never the secret itself, which is shown once when created.</summary>
public sealed record WebhookSecretInfo(Guid Id, string Direction, bool Active, DateTimeOffset CreatedAt);

/// <summary>
/// Per-tenant integration settings: the secrets that sign webhooks (inbound and outbound) and the ERP
/// endpoint PO releases go to. Every change is logged; secrets never reach the log.
/// </summary>
public static class IntegrationSettings
{
    public static readonly string[] Directions = ["inbound", "outbound"];

    public static async Task<bool> TenantExistsAsync(TenantScope scope, CancellationToken ct)
    {
        // Row-level security shows the application role only the scope's own tenant row.
        await using var cmd = scope.Command("SELECT EXISTS (SELECT 1 FROM tenants WHERE id = $1)");
        cmd.Parameters.AddWithValue(scope.TenantId);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public static async Task<IReadOnlyList<string>> ActiveSecretsAsync(TenantScope scope, string direction, CancellationToken ct)
    {
        await using var cmd = scope.Command("SELECT secret FROM webhook_secrets WHERE direction = $1 AND active ORDER BY created_at");
        cmd.Parameters.AddWithValue(direction);
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(r.GetString(0));
        return list;
    }

    /// <summary>Creates a random 256-bit secret; the caller returns it once and it is never readable through the API again.</summary>
    public static async Task<(WebhookSecretInfo Info, string Secret)> CreateSecretAsync(TenantScope scope, string direction, string actor,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var secret = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var info = new WebhookSecretInfo(Guid.CreateVersion7(now), direction, true, now);
        await using (var cmd = scope.Command("INSERT INTO webhook_secrets (id, tenant_id, direction, secret, active, created_at) VALUES ($1,$2,$3,$4,true,$5)"))
        {
            cmd.Parameters.AddWithValue(info.Id);
            cmd.Parameters.AddWithValue(scope.TenantId);
            cmd.Parameters.AddWithValue(direction);
            cmd.Parameters.AddWithValue(secret);
            cmd.Parameters.AddWithValue(now);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await LogAsync(scope, actor, "webhook_secret_created", info.Id.ToString(), new { secret_id = info.Id, direction }, clock, ct);
        return (info, secret);
    }

    public static async Task<IReadOnlyList<WebhookSecretInfo>> ListSecretsAsync(TenantScope scope, CancellationToken ct)
    {
        await using var cmd = scope.Command("SELECT id, direction, active, created_at FROM webhook_secrets ORDER BY created_at, id");
        var list = new List<WebhookSecretInfo>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new WebhookSecretInfo(r.GetGuid(0), r.GetString(1), r.GetBoolean(2), r.GetFieldValue<DateTimeOffset>(3)));
        return list;
    }

    /// <summary>Ends a secret's life (the last step of a rotation). Deactivating twice is a conflict, not a silent no-op.</summary>
    public static async Task<WebhookSecretInfo> DeactivateSecretAsync(TenantScope scope, Guid id, string actor, TimeProvider clock, CancellationToken ct)
    {
        WebhookSecretInfo before;
        await using (var cmd = scope.Command("SELECT direction, active, created_at FROM webhook_secrets WHERE id = $1 FOR UPDATE"))
        {
            cmd.Parameters.AddWithValue(id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) throw DomainException.NotFound("webhook_secret_not_found", $"Webhook secret {id} was not found.");
            before = new WebhookSecretInfo(id, r.GetString(0), r.GetBoolean(1), r.GetFieldValue<DateTimeOffset>(2));
        }
        if (!before.Active) throw DomainException.Conflict("webhook_secret_inactive", $"Webhook secret {id} is already inactive.");
        await using (var cmd = scope.Command("UPDATE webhook_secrets SET active = false WHERE id = $1"))
        {
            cmd.Parameters.AddWithValue(id);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await LogAsync(scope, actor, "webhook_secret_deactivated", id.ToString(), new { secret_id = id, before.Direction }, clock, ct);
        return before with { Active = false };
    }

    public static async Task<string?> GetErpEndpointAsync(TenantScope scope, CancellationToken ct)
    {
        await using var cmd = scope.Command("SELECT url FROM erp_endpoints");
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    public static async Task SetErpEndpointAsync(TenantScope scope, string url, string actor, TimeProvider clock, CancellationToken ct)
    {
        var previous = await GetErpEndpointAsync(scope, ct);
        await using (var cmd = scope.Command("""
            INSERT INTO erp_endpoints (tenant_id, url) VALUES ($1, $2)
            ON CONFLICT (tenant_id) DO UPDATE SET url = EXCLUDED.url
            """))
        {
            cmd.Parameters.AddWithValue(scope.TenantId);
            cmd.Parameters.AddWithValue(url);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await LogAsync(scope, actor, "erp_endpoint_set", "erp_endpoint", new { url, previous_url = previous }, clock, ct);
    }

    private static Task LogAsync(TenantScope scope, string actor, string action, string subjectId, object details, TimeProvider clock, CancellationToken ct) =>
        DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.IntegrationChanged, actor, "integration", subjectId,
            new { action, details }), clock, ct);
}
