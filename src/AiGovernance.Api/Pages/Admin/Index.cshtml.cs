using AiGovernance.Api.Infrastructure;
using AiGovernance.Api.Web;

namespace AiGovernance.Api.Pages.Admin;

/// <summary>The administration area's start: links to policies, kill switches and delegations.</summary>
public sealed class IndexModel : WorkspacePage
{
    public void OnGet() => RequireRole(Roles.Admin);
}
