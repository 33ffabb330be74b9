using System.Security.Claims;
using AiGovernance.Data.Directory;
using AiGovernance.Data.Tenancy;
using Npgsql;

namespace AiGovernance.Api.Web;

/// <summary>
/// Builds the workspace session's identity with the same claims a bearer token carries (sub, tid, role),
/// so pages and the API read the caller the same way (<see cref="Infrastructure.Caller"/>) and enforce
/// the same roles. Roles always come from the tenant's user list, whoever authenticated the person.
/// </summary>
public static class WorkspaceIdentity
{
    public static async Task<ClaimsPrincipal?> ForUserAsync(NpgsqlDataSource db, Guid tenantId, string userId, string authenticationType, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(db, tenantId, ct);
        var user = await MasterData.GetUserAsync(scope, userId, ct);
        if (user is not { Active: true }) return null;
        var claims = new List<Claim> { new("sub", user.Id), new("tid", tenantId.ToString()), new("name", user.Name) };
        claims.AddRange(user.Roles.Select(r => new Claim("role", r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, "name", "role"));
    }
}
