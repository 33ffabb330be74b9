using AiGovernance.Api.Infrastructure;
using AiGovernance.Api.Web;

namespace AiGovernance.Api.Pages.Admin;

/// <summary>The administration area's start: links to policies, kill switches, delegations and cost centres.</summary>
public sealed class IndexModel : WorkspacePage
{
    public void OnGet() => RequireRole(Roles.Admin);
}
