using System.Net;
using System.Text.Json;
using AiGovernance.Agents.Tests.Fixtures;
using AiGovernance.Api.Tests.FollowUp;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Documents;

/// <summary>Real PDFs through the API and the worker: fields, summary, page text, cross-checks, injections.</summary>
[Collection(ApiCollection.Name)]
public sealed class DocumentProcessingTests(ApiFixture fixture)
{
    private static async Task<JsonElement> DocumentAsync(AgentTestHost host, JsonElement uploaded) =>
        await (await host.Tenant.As("u-grace").GetAsync($"/api/documents/{uploaded.Str("id")}")).ReadAsync(HttpStatusCode.OK);

    private static JsonElement Field(JsonElement doc, string name) => Assert.Single(doc.GetProperty("fields").Items(), f => f.Str("name") == name);

    [Fact]
    public async Task A_real_invoice_is_read_summarized_with_page_citations_and_cross_checked_against_its_requisition()
    {
        await using var host = await AgentTestHost.StartAsync(fixture);
        using var anna = host.Tenant.As("u-anna");
        var req = await anna.SubmitAsync(host.Requisition(500m));
        var uploaded = await (await anna.UploadAsync(req, SharedData.Bytes("invoice2data", "compare", "NetpresseInvoice.pdf"), "netpresse.pdf"))
            .ReadAsync(HttpStatusCode.Created);
        // This host's jobs are due only in its own (future) time, so nothing has read the file yet.
        await (await anna.GetAsync($"/api/documents/{uploaded.Str("id")}/pages/1")).ProblemAsync(HttpStatusCode.Conflict, "document_not_read_yet");

        await host.RunWorkerAsync();

        var doc = await DocumentAsync(host, uploaded);
        Assert.Equal(("processed", "ok", "invoice"), (doc.Str("status"), doc.Str("read_status"), doc.Str("document_type")));
        Assert.Equal("2022089083", Field(doc, "invoice_number").Str("value"));
        Assert.Equal("56.02", Field(doc, "total_amount").Str("value"));
        Assert.Equal(1, Field(doc, "total_amount").GetProperty("page").GetInt32());
        var summary = doc.GetProperty("summary");
        Assert.Equal(("extractive", "extractive summary"), (summary.Str("kind"), summary.Str("label")));
        Assert.All(summary.GetProperty("sentences").Items(), s => Assert.Equal(1, s.GetProperty("page").GetInt32()));
        Assert.Contains("NETPRESSE", (await (await anna.GetAsync($"/api/documents/{uploaded.Str("id")}/pages/1")).ReadAsync(HttpStatusCode.OK)).Str("text"),
            StringComparison.Ordinal);
        await (await anna.GetAsync($"/api/documents/{uploaded.Str("id")}/pages/9")).ProblemAsync(HttpStatusCode.NotFound, "page_not_found");

        // The invoice is from NETPRESSE for 56.02 EUR; the requisition names another supplier and 500 EUR.
        var holds = await host.RecommendationsAsync(req, "requisition.hold");
        var checks = holds.Where(h => h.GetProperty("producer").Str("name") == "document-cross-check")
            .Select(h => h.GetProperty("payload").Str("check")).Order().ToList();
        Assert.Equal(["amount_mismatch", "supplier_mismatch"], checks);
        var amount = Assert.Single(holds, h => h.GetProperty("payload").Str("check") == "amount_mismatch");
        Assert.Contains("page 1", amount.GetProperty("payload").Str("reason"), StringComparison.Ordinal);
        Assert.StartsWith($"{uploaded.Str("id")}#page=1", amount.GetProperty("evidence")[0].Str("ref"), StringComparison.Ordinal);

        // Reading the same document again (a retried job) adds no second recommendation.
        await using (var scope = await host.Tenant.OwnerScopeAsync())
        {
            await AiGovernance.Data.Jobs.JobQueue.ScheduleAsync(scope, "document.process", uploaded.Str("id")!, host.Clock.GetUtcNow(), CancellationToken.None);
            await scope.CommitAsync();
        }
        await host.RunWorkerAsync();
        Assert.Equal(2, (await host.RecommendationsAsync(req, "requisition.hold")).Count(h => h.GetProperty("producer").Str("name") == "document-cross-check"));
        var log = await host.Tenant.As("u-hannah").DecisionLogAsync($"?kind=document_processed");
        Assert.Contains(log.Items(), e => e.GetProperty("payload").Str("document_id") == uploaded.Str("id"));
    }

    [Theory]
    [InlineData("visible")]
    [InlineData("white")]
    [InlineData("tiny")]
    [InlineData("split")]
    public async Task Instructions_addressed_to_an_AI_are_flagged_logged_and_never_acted_on(string technique)
    {
        await using var host = await AgentTestHost.StartAsync(fixture);
        using var anna = host.Tenant.As("u-anna");
        var req = await anna.SubmitAsync(host.Requisition(1250m));
        var pdf = technique switch
        {
            "visible" => InjectedPdfs.VisibleInjection(),
            "white" => InjectedPdfs.WhiteTextInjection(),
            "tiny" => InjectedPdfs.TinyTextInjection(),
            _ => InjectedPdfs.SplitAcrossPages(),
        };
        var uploaded = await (await anna.UploadAsync(req, pdf, $"invoice-{technique}.pdf")).ReadAsync(HttpStatusCode.Created);

        await host.RunWorkerAsync();

        var doc = await DocumentAsync(host, uploaded);
        Assert.NotEmpty(doc.GetProperty("injections").Items());
        var summary = doc.GetProperty("summary");
        Assert.Contains("document_addresses_ai", summary.GetProperty("flags").Items().Select(f => f.GetString()));
        Assert.Contains(summary.GetProperty("sentences").Items(), s => s.Str("text")!.Contains("instructions addressed to an AI", StringComparison.Ordinal));
        Assert.DoesNotContain(summary.GetProperty("sentences").Items(), s => s.Str("text")!.Contains("approve this invoice", StringComparison.OrdinalIgnoreCase));
        var flagged = await host.Tenant.As("u-hannah").DecisionLogAsync("?kind=document_addresses_ai");
        Assert.Contains(flagged.Items(), e => e.GetProperty("payload").Str("document_id") == uploaded.Str("id"));
        Assert.Empty((await host.Tenant.As("u-hannah").DecisionLogAsync("?kind=agent_tool_denied")).Items());
        // Nothing approved it: the requisition still waits for its approver.
        Assert.Equal("pending_approval", (await anna.GetRequisitionAsync(req)).Status());
    }

    [Theory]
    [InlineData("parsee-invoices/pdf/Invoice _ TeamGantt-May.pdf", "undecodable_font", "decoded")]
    [InlineData("garbage", "corrupt", null)]
    public async Task Unreadable_files_get_a_specific_status_and_problem_and_no_fields(string source, string readStatus, string? problemWord)
    {
        await using var host = await AgentTestHost.StartAsync(fixture);
        using var anna = host.Tenant.As("u-anna");
        var req = await anna.SubmitAsync(host.Requisition(300m));
        var bytes = source == "garbage" ? [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[2000]] : SharedData.Bytes(source.Split('/'));
        var uploaded = await (await anna.UploadAsync(req, bytes, "file.pdf")).ReadAsync(HttpStatusCode.Created);

        await host.RunWorkerAsync();

        var doc = await DocumentAsync(host, uploaded);
        Assert.Equal(("unreadable", readStatus), (doc.Str("status"), doc.Str("read_status")));
        Assert.False(string.IsNullOrWhiteSpace(doc.Str("problem")));
        if (problemWord is not null) Assert.Contains(problemWord, doc.Str("problem"), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(doc.GetProperty("fields").Items());
        Assert.Contains("document_unreadable", doc.GetProperty("summary").GetProperty("flags").Items().Select(f => f.GetString()));
    }
}
