using System.Text.Json;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Data.DecisionLog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiGovernance.Api.Features.DecisionLog;

public static class DecisionLogApi
{
    public static readonly string[] Readers = [Roles.Compliance, Roles.Admin, Roles.Reviewer];

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
        DateTimeOffset? from, DateTimeOffset? to, long? after, int? limit, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Readers);
        await using var scope = await db.BeginAsync(caller, ct);
        var filter = new DecisionLogFilter(requisition, actor, kind, from, to, after, Math.Clamp(limit ?? 100, 1, 1000));
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

    /// <summary>Streams the filtered log as JSON lines or CSV without buffering it in memory.</summary>
    public static async Task Export(HttpContext http, TenantDb db, string? format, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Roles.Compliance, Roles.Admin);
        var fmt = (format ?? "jsonl").ToLowerInvariant();
        if (fmt is not ("jsonl" or "csv")) throw ValidationFailedException.Single("format", "must be jsonl or csv");
        await using var scope = await db.BeginAsync(caller, ct);
        http.Response.ContentType = fmt == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson";
        http.Response.Headers.ContentDisposition = $"attachment; filename=decision-log.{fmt}";
        await using var writer = new StreamWriter(http.Response.Body);
        await DecisionLogExport.WriteAsync(DecisionLogReader.ReadAsync(scope, new DecisionLogFilter(From: from, To: to, Limit: 0), ct), writer, fmt, ct);
    }
}
