using System.Security.Claims;
using AiGovernance.Core;
using AiGovernance.Core.Approvals;

namespace AiGovernance.Api.Infrastructure;

/// <summary>The authenticated caller: user id, tenant and roles, read from the token.</summary>
public sealed record Caller(string UserId, Guid TenantId, IReadOnlySet<string> Roles)
{
    public ApprovalActor AsActor() => new(UserId, Roles);

    public bool IsInAnyRole(params string[] roles) => roles.Any(Roles.Contains);

    /// <summary>The caller, if they hold one of <paramref name="roles"/>; otherwise 403 role_required.</summary>
    public static Caller RequireAny(HttpContext http, params string[] roles)
    {
        var caller = From(http.User);
        return caller.IsInAnyRole(roles) ? caller
            : throw DomainException.Forbidden("role_required", $"This needs one of the roles: {string.Join(", ", roles)}.");
    }

    /// <summary>
    /// AI agents and the ERP act through recommendations and events, never as a deciding person, whatever
    /// other roles their token carries.
    /// </summary>
    public void RequirePerson()
    {
        if (Roles.Contains(AiGovernance.Api.Infrastructure.Roles.Agent) || Roles.Contains(AiGovernance.Api.Infrastructure.Roles.Erp))
            throw DomainException.Forbidden("service_account_cannot_decide", "Service accounts (agent, erp) cannot decide; a person must.");
    }

    public static Caller From(ClaimsPrincipal user)
    {
        var sub = user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier);
        var tid = user.FindFirstValue("tid");
        if (sub is null || !Guid.TryParse(tid, out var tenant))
            throw DomainException.Forbidden("token_missing_claims", "The token must carry 'sub' and a tenant id claim 'tid'.");
        var roles = user.FindAll(ClaimTypes.Role).Concat(user.FindAll("role")).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(sub, tenant, roles);
    }
}

public static class Roles
{
    public const string Requester = "requester";
    public const string Approver = "approver";
    public const string ProcurementOps = "procurement_ops";
    public const string Reviewer = "reviewer";
    public const string Compliance = "compliance";
    public const string DataScientist = "data_scientist";
    public const string Admin = "admin";
    /// <summary>Service account of the ERP: submits requisitions on behalf of requesters.</summary>
    public const string Erp = "erp";
    /// <summary>Service account of the AI agents: may read and recommend, never decide.</summary>
    public const string Agent = "agent";

    public static readonly string[] All = [Requester, Approver, ProcurementOps, Reviewer, Compliance, DataScientist, Admin, Erp, Agent];
}
