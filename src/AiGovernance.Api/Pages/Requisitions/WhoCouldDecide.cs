using AiGovernance.Api.Features.ApproverSuggestions;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Data.Approvals;
using Microsoft.AspNetCore.Mvc;

namespace AiGovernance.Api.Pages.Requisitions;

/// <summary>
/// "Who could decide": on a pending requisition whose active step any holder of a role may decide, the suggested people
/// to ask, with their reasons (<c>GET /api/approver-suggestions?for=step</c>). Only for the API's readers of suggestions
/// (admins, procurement ops); everyone else sees nothing. Its own tenant transaction and one history query, kept apart
/// from the dossier so the page's other sections are unchanged.
/// </summary>
public sealed class WhoCouldDecide(TenantDb db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid requisitionId, string status)
    {
        var caller = Caller.From(UserClaimsPrincipal);
        if (status != "pending_approval" || !caller.IsInAnyRole(ApproverSuggestionsApi.Readers)) return Content("");
        await using var scope = await db.BeginAsync(caller, HttpContext.RequestAborted);
        try
        {
            var answer = await SuggestApprovers.ForStepAsync(scope, requisitionId, SuggestApprovers.DefaultWindowDays, clock, HttpContext.RequestAborted);
            return answer.QualifyingRoles.Count == 0 ? Content("") : View("~/Pages/Requisitions/_WhoCouldDecide.cshtml", answer);
        }
        catch (DomainException)
        {
            // Decided meanwhile (no longer pending): nothing to suggest.
            return Content("");
        }
    }
}
