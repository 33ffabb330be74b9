using System.Security.Claims;
using R = AiGovernance.Api.Infrastructure.Roles;

namespace AiGovernance.Api.Web;

/// <summary>The workspace's sections and who sees them; each page still checks its own roles.</summary>
public static class WorkspaceNav
{
    public sealed record Section(string Href, string Label, string[] Roles);

    public static readonly Section Queue = new("/queue", "Approval queue", [R.Approver, R.Reviewer, R.ProcurementOps, R.Admin, "finance_manager", "cfo", "it_approver"]);
    public static readonly Section Exceptions = new("/exceptions", "Exceptions", Features.Exceptions.ExceptionsApi.Triagers);
    public static readonly Section FollowUps = new("/follow-ups", "Follow-ups", [R.ProcurementOps, R.Admin]);
    public static readonly Section DecisionLog = new("/decision-log", "Decision log", [R.Compliance, R.Admin]);
    public static readonly Section Operations = new("/operations", "Operations", [R.ProcurementOps, R.Compliance, R.DataScientist, R.Admin]);
    public static readonly Section Administration = new("/admin", "Administration", [R.Admin]);

    public static readonly IReadOnlyList<Section> All = [Queue, Exceptions, FollowUps, DecisionLog, Operations, Administration];

    public static IEnumerable<Section> For(ClaimsPrincipal user) => All.Where(s => s.Roles.Any(r => user.HasClaim("role", r)));

    /// <summary>Where a person lands after signing in: the first section they may use.</summary>
    public static string Home(ClaimsPrincipal user) => For(user).FirstOrDefault()?.Href ?? "/requisitions";
}
