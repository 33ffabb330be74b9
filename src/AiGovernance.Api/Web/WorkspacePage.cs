using AiGovernance.Api.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Data.Policies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiGovernance.Api.Web;

/// <summary>
/// Base of every signed-in page. The caller is read exactly as the API reads it; domain refusals
/// become a problem page with the same stable code the API would answer (GET) or a message above
/// the form the person just sent (POST, then redirect so a reload never sends it twice).
/// </summary>
public abstract class WorkspacePage : PageModel
{
    public const string FlashKey = "flash";
    public const string FlashErrorKey = "flash-error";

    private Caller? me;

    /// <summary>The signed-in person, with the roles of their tenant's user list.</summary>
    public Caller Me => me ??= Caller.From(User);

    public string DisplayName => User.FindFirst("name")?.Value ?? Me.UserId;

    /// <summary>Refuses the page unless the person holds one of <paramref name="roles"/> (403 role_required, as in the API).</summary>
    protected Caller RequireRole(params string[] roles) =>
        Me.IsInAnyRole(roles) ? Me : throw DomainException.Forbidden("role_required", $"This page needs one of the roles: {string.Join(", ", roles)}.");

    /// <summary>Shown once, after the redirect that follows a successful form.</summary>
    protected void Flash(string message) => TempData[FlashKey] = message;

    /// <summary>Redirects to the page itself (without the form handler), the end of every successful POST.</summary>
    protected RedirectResult BackToPage(string? fragment = null) => Redirect(SelfUrl() + (fragment is null ? "" : "#" + fragment));

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled || WorkspaceProblem.From(executed.Exception) is not { } problem) return;
        executed.ExceptionHandled = true;
        if (HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method))
        {
            executed.Result = problem.AsPage();
            return;
        }
        TempData[FlashErrorKey] = problem.Message;
        executed.Result = Redirect(SelfUrl());
    }

    private string SelfUrl()
    {
        var query = Request.Query.Where(q => q.Key != "handler").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        var qs = string.Join("&", query);
        return Request.PathBase + Request.Path + (qs.Length == 0 ? "" : "?" + qs);
    }
}

/// <summary>A refusal shown to a person: status, stable code and message.</summary>
public sealed record WorkspaceProblem(int Status, string Code, string Message)
{
    public static WorkspaceProblem? From(Exception ex) => ex switch
    {
        DomainException d => new(ProblemMapping.StatusOf(d.Kind), d.Code, d.Message),
        ValidationFailedException v => new(422, "validation_failed", string.Join("; ", v.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))),
        PolicyInvalidException p => new(422, "policy_invalid", p.Message),
        _ => null,
    };

    /// <summary>A small stand-alone page: the layout needs a page model the failed handler never finished.</summary>
    public IActionResult AsPage()
    {
        var e = System.Text.Encodings.Web.HtmlEncoder.Default;
        var html = $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Status} · AiGovernance</title><link rel="stylesheet" href="{WorkspaceAssets.Url("site.css")}"></head>
            <body><main class="page problem" id="main"><h1>{e.Encode(Title)}</h1>
            <p class="problem-message">{e.Encode(Message)}</p><p class="muted">Code: <code data-problem-code>{e.Encode(Code)}</code></p>
            <p><a href="/">Back to the workspace</a></p></main></body></html>
            """;
        return new ContentResult { StatusCode = Status, ContentType = "text/html; charset=utf-8", Content = html };
    }

    private string Title => Status switch { 403 => "Not allowed", 404 => "Not found", 409 => "Conflict", _ => "Cannot do that" };
}
