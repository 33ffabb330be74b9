using System.Text.Json;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AiGovernance.Api.Features.DecisionLog;

public static class DecisionLogApi
{
    public static readonly string[] Readers = [Roles.Compliance, Roles.Admin, Roles.Reviewer];
    public static readonly string[] Exporters = [Roles.Compliance, Roles.Admin];

    public static RouteGroupBuilder MapDecisionLogApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/decision-log").WithTags("Decision log");
        g.MapGet("/", Query).WithName("QueryDecisionLog");
        g.MapGet("/verify", Verify).WithName("VerifyDecisionLog");
        g.MapGet("/export", Export).WithName("ExportDecisionLog");
        return g;
    }

    public sealed record EntryView(long Seq, string Kind, string Actor, string? OnBehalfOf, string? SubjectType, string? SubjectId,
        JsonElement Payload, DateTimeOffset RecordedAt, string PrevHash, string Hash)
    {
        public static EntryView From(DecisionLogEntry e) => new(e.Seq, e.Kind, e.Actor, e.OnBehalfOf, e.SubjectType, e.SubjectId,
            JsonDocument.Parse(e.PayloadJson).RootElement.Clone(), e.RecordedAt, e.PrevHash, e.Hash);
    }

    public static async Task<Ok<IReadOnlyList<EntryView>>> Query(HttpContext http, TenantDb db, string? requisition, string? actor, string? kind,
        DateTimeOffset? from, DateTimeOffset? to, long? after, long? before, int? limit, [FromQuery(Name = "model_version")] string? modelVersion,
        [FromQuery(Name = "prompt_version")] string? promptVersion, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Readers);
        await using var scope = await db.BeginAsync(caller, ct);
        var filter = await DecisionLogReader.ForRequisitionAsync(scope, new DecisionLogFilter(null, Blank(actor), Blank(kind), from, to, after,
            Math.Clamp(limit ?? 100, 1, 1000), Blank(modelVersion), Blank(promptVersion), before), requisition, ct);
        var list = new List<EntryView>();
        await foreach (var e in DecisionLogReader.ReadAsync(scope, filter, ct)) list.Add(EntryView.From(e));
        return TypedResults.Ok<IReadOnlyList<EntryView>>(list);
    }

    public static async Task<Ok<ChainVerification>> Verify(HttpContext http, TenantDb db, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Readers);
        await using var scope = await db.BeginAsync(caller, ct);
        return TypedResults.Ok(await DecisionLogVerifier.VerifyAsync(scope, ct: ct));
    }

    /// <summary>Streams the filtered log (the same filters as the query) as JSON lines or CSV.</summary>
    public static async Task Export(HttpContext http, TenantDb db, string? format, string? requisition, string? actor, string? kind,
        DateTimeOffset? from, DateTimeOffset? to, [FromQuery(Name = "model_version")] string? modelVersion,
        [FromQuery(Name = "prompt_version")] string? promptVersion, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Exporters);
        var fmt = DecisionLogExport.ParseFormat(format);
        await using var scope = await db.BeginAsync(caller, ct);
        var filter = await DecisionLogReader.ForRequisitionAsync(scope, new DecisionLogFilter(null, Blank(actor), Blank(kind), from, to, Limit: 0,
            ModelVersion: Blank(modelVersion), PromptVersion: Blank(promptVersion)), requisition, ct);
        await StreamExportAsync(http.Response, scope, filter, fmt, ct);
    }

    /// <summary>
    /// Writes the export as a download (decision-log.csv / .jsonl) without buffering it in memory; the workspace
    /// page's export calls this too, so both give byte-for-byte the same file as <c>aigov audit export</c>.
    /// </summary>
    public static async Task StreamExportAsync(HttpResponse response, TenantScope scope, DecisionLogFilter filter, string format, CancellationToken ct)
    {
        response.ContentType = DecisionLogExport.ContentType(format);
        response.Headers.ContentDisposition = $"attachment; filename=decision-log.{format}";
        await using var writer = new StreamWriter(response.Body);
        await DecisionLogExport.WriteAsync(DecisionLogReader.ReadAsync(scope, filter with { Limit = 0, NewestFirst = false }, ct), writer, format, ct);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
