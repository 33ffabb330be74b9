using System.Net;
using System.Text;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Documents;

[Collection(ApiCollection.Name)]
public sealed class DocumentUploadTests(ApiFixture fixture)
{
    private static readonly byte[] Invoice = SharedData.Bytes("invoice2data", "compare", "NetpresseInvoice.pdf");

    [Fact]
    public async Task A_pdf_is_stored_with_its_hash_and_the_same_file_again_is_the_same_document()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        var req = await anna.SubmitAsync(TestApi.Requisition(500m));

        var first = await (await anna.UploadAsync(req, Invoice, "C:\\Users\\anna\\invoice.pdf")).ReadAsync(HttpStatusCode.Created);
        var again = await (await anna.UploadAsync(req, Invoice, "renamed.pdf")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal(first.Str("id"), again.Str("id"));
        Assert.Equal("invoice.pdf", first.Str("file_name"));
        Assert.StartsWith("sha256:", first.Str("sha256"), StringComparison.Ordinal);
        Assert.Equal("queued", first.Str("status"));
        var list = (await (await tenant.As("u-grace").GetAsync($"/api/requisitions/{req.Id()}/documents")).ReadAsync(HttpStatusCode.OK)).Items().ToList();
        Assert.Single(list);
        var content = await tenant.As("u-grace").GetAsync($"/api/documents/{first.Str("id")}/content");
        Assert.Equal(Invoice, await content.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", content.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_same_file_on_another_requisition_is_reported_as_attached_elsewhere()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        var a = await anna.SubmitAsync(TestApi.Requisition(500m));
        var b = await anna.SubmitAsync(TestApi.Requisition(600m));
        await (await anna.UploadAsync(a, Invoice, "invoice.pdf")).ReadAsync(HttpStatusCode.Created);

        var second = await (await anna.UploadAsync(b, Invoice, "invoice.pdf")).ReadAsync(HttpStatusCode.Created);

        var elsewhere = Assert.Single(second.GetProperty("same_file_elsewhere").Items());
        Assert.Equal(a.Id().ToString(), elsewhere.Str("id"));
    }

    [Fact]
    public async Task Bad_uploads_get_precise_problems_and_store_nothing()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        var req = await anna.SubmitAsync(TestApi.Requisition(500m));
        var url = TestApi.Url($"/api/requisitions/{req.Id()}/documents");

        await (await anna.UploadAsync(req, Encoding.UTF8.GetBytes("just text, not a PDF"), "notes.pdf"))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "unsupported_document_type");
        await (await anna.UploadAsync(req, [], "empty.pdf")).ValidationErrorsAsync("file");
        await (await anna.PostAsync(url, DocumentUploads.Form(Invoice, "x.pdf", field: "upload"))).ValidationErrorsAsync("file");
        await (await anna.PostAsync(url, TestApi.JsonBody(new System.Text.Json.Nodes.JsonObject { ["file"] = "x" })))
            .ProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await (await anna.PostAsync(TestApi.Url($"/api/requisitions/{Guid.NewGuid()}/documents"), DocumentUploads.Form(Invoice, "x.pdf")))
            .ProblemAsync(HttpStatusCode.NotFound, "requisition_not_found");

        var list = (await (await anna.GetAsync($"/api/requisitions/{req.Id()}/documents")).ReadAsync(HttpStatusCode.OK)).Items();
        Assert.Empty(list);
    }

    [Fact]
    public async Task Documents_over_the_size_limit_are_refused_with_413()
    {
        await using var factory = ApiFixture.CreateFactory(("Governance:Documents:MaxBytes", "4096"));
        var tenant = await fixture.CreateTenantAsync(factory: factory);
        using var anna = tenant.As("u-anna");
        var req = await anna.SubmitAsync(TestApi.Requisition(500m));

        var problem = await (await anna.UploadAsync(req, Invoice, "big.pdf")).ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request_too_large");

        Assert.Contains("Governance:Documents:MaxBytes", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_requester_attaches_only_to_their_own_requisitions_and_other_tenants_see_nothing()
    {
        var tenant = await fixture.CreateTenantAsync();
        var other = await fixture.CreateTenantAsync();
        var req = await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(500m));
        var doc = await (await tenant.As("u-anna").UploadAsync(req, Invoice, "invoice.pdf")).ReadAsync(HttpStatusCode.Created);

        await (await tenant.As("u-ben").UploadAsync(req, Invoice, "invoice.pdf")).ProblemAsync(HttpStatusCode.Forbidden, "not_your_requisition");
        await (await other.As("u-grace").GetAsync($"/api/documents/{doc.Str("id")}")).ProblemAsync(HttpStatusCode.NotFound, "document_not_found");
        await (await other.As("u-grace").GetAsync($"/api/documents/{doc.Str("id")}/content")).ProblemAsync(HttpStatusCode.NotFound, "document_not_found");
    }

    [Fact]
    public async Task Procurement_uploads_supplier_documents_and_a_requester_may_not()
    {
        var tenant = await fixture.CreateTenantAsync();
        var cert = SharedData.Bytes("lab-certificates", "pdf", "kca-labs__Tangie.pdf");

        var doc = await (await tenant.As("u-felix").PostAsync(TestApi.Url("/api/suppliers/sup-orgenics-ltd/documents"), DocumentUploads.Form(cert, "coa.pdf")))
            .ReadAsync(HttpStatusCode.Created);

        Assert.Equal("supplier", doc.GetProperty("subject").Str("type"));
        await (await tenant.As("u-anna").PostAsync(TestApi.Url("/api/suppliers/sup-orgenics-ltd/documents"), DocumentUploads.Form(cert, "coa.pdf")))
            .ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        await (await tenant.As("u-felix").PostAsync(TestApi.Url("/api/suppliers/nope/documents"), DocumentUploads.Form(cert, "coa.pdf")))
            .ProblemAsync(HttpStatusCode.NotFound, "supplier_not_found");
        Assert.Single((await (await tenant.As("u-grace").GetAsync("/api/suppliers/sup-orgenics-ltd/documents")).ReadAsync(HttpStatusCode.OK)).Items());
    }
}
