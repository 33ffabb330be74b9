using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Core.Checks;
using static AiGovernance.Api.Tests.Checks.CheckTestSupport;

namespace AiGovernance.Api.Tests.Checks;

[Collection(ApiCollection.Name)]
public sealed class SupplierCheckTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_blocked_supplier_gets_the_requisition_rejected_with_the_reason()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var felix = tenant.As("u-felix");
        using var anna = tenant.As("u-anna");
        await felix.SetStatusAsync(Supplier, "blocked", "sanctions list match");

        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));

        Assert.Equal("rejected", req.Status());
        Assert.Empty(req.GetProperty("next_approvers").Items());
        var (holds, flags) = await tenant.StoredChecksAsync(req);
        Assert.Empty(holds);
        var flag = Assert.Single(flags);
        Assert.Equal((CheckCodes.SupplierBlocked, $"supplier {Supplier} is blocked: sanctions list match"), (flag.Code, flag.Text));
        var entry = Assert.Single(await tenant.LogAsync("check_rejected", req.Number()));
        Assert.Equal(CheckCodes.SupplierBlocked, entry.GetProperty("payload").GetProperty("rejections")[0].Str("code"));
        Assert.Empty((await tenant.As("u-david").QueueAsync()).Items());
    }

    [Fact]
    public async Task An_on_hold_supplier_holds_the_requisition_until_procurement_sets_it_active()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var felix = tenant.As("u-felix");
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");
        await felix.SetStatusAsync(Supplier, "on_hold", "bank details being verified");

        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));

        Assert.Equal("on_hold", req.Status());
        Assert.All(req.GetProperty("steps").Items(), s => Assert.Equal("waiting", s.Str("status")));
        Assert.Empty((await david.QueueAsync()).Items());
        Assert.Equal([CheckCodes.SupplierOnHold], (await tenant.StoredChecksAsync(req)).Holds.Codes());
        var supplier = await (await felix.GetAsync($"/api/suppliers/{Supplier}")).ReadAsync(HttpStatusCode.OK);
        var held = Assert.Single(supplier.GetProperty("held_requisitions").Items());
        Assert.Equal(req.Number(), held.Str("number"));
        Assert.Single(await tenant.LogAsync("requisition_on_hold", req.Number()));

        var change = await felix.SetStatusAsync(Supplier, "active", null);

        var released = Assert.Single(change.GetProperty("result").GetProperty("requisitions").Items());
        Assert.Equal(("released", "pending_approval"), (released.Str("outcome"), released.Str("status")));
        Assert.Equal(2, change.GetProperty("supplier").GetProperty("status_version").GetInt64());
        var after = await anna.GetRequisitionAsync(req);
        Assert.Equal("pending_approval", after.Status());
        Assert.Equal("active", after.GetProperty("steps")[0].Str("status"));
        Assert.Equal(req.Id(), Assert.Single((await david.QueueAsync()).Items()).GetProperty("requisition_id").GetGuid());
        Assert.Empty((await tenant.StoredChecksAsync(req)).Holds);
        Assert.Single(await tenant.LogAsync("hold_released", req.Number()));
        Assert.Equal(2, (await tenant.LogAsync("supplier_status_changed")).Count);
        await tenant.AssertLogVerifiesAsync();
    }

    [Fact]
    public async Task The_erp_event_releases_held_requisitions_and_out_of_order_versions_are_ignored()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        Assert.Equal("applied", (await tenant.ErpSupplierStatusAsync(Supplier, "onboarding_incomplete", version: 5)).Status);
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));
        Assert.Equal("on_hold", req.Status());
        Assert.Equal([CheckCodes.SupplierOnboardingIncomplete], (await tenant.StoredChecksAsync(req)).Holds.Codes());

        var older = await tenant.ErpSupplierStatusAsync(Supplier, "active", version: 4);
        var same = await tenant.ErpSupplierStatusAsync(Supplier, "active", version: 5);

        Assert.Equal(("stale_version", 5L), (older.Status, older.StoredVersion));
        Assert.Equal("stale_version", same.Status);
        Assert.Equal("on_hold", (await anna.GetRequisitionAsync(req)).Status());

        var newer = await tenant.ErpSupplierStatusAsync(Supplier, "active", version: 7);
        var late = await tenant.ErpSupplierStatusAsync(Supplier, "blocked", version: 6, reason: "delayed event");

        Assert.Equal("released", Assert.Single(newer.Requisitions).Outcome);
        Assert.Equal("stale_version", late.Status);
        Assert.Equal("pending_approval", (await anna.GetRequisitionAsync(req)).Status());
        var supplier = await (await tenant.As("u-felix").GetAsync($"/api/suppliers/{Supplier}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(("active", 7L), (supplier.Str("status"), supplier.GetProperty("status_version").GetInt64()));
    }

    [Fact]
    public async Task Erp_events_for_unknown_master_data_are_unprocessable()
    {
        var tenant = await fixture.CreateTenantAsync();

        var supplier = await Assert.ThrowsAsync<DomainException>(() => tenant.ErpSupplierStatusAsync("sup-unknown", "active", version: 1));
        var budget = await Assert.ThrowsAsync<DomainException>(() => tenant.ErpBudgetAsync(amount: 1m, version: 1, costCentre: "CC-NOPE"));

        Assert.Equal((DomainErrorKind.Unprocessable, "unknown_supplier"), (supplier.Kind, supplier.Code));
        Assert.Equal((DomainErrorKind.Unprocessable, "unknown_cost_centre"), (budget.Kind, budget.Code));
    }

    [Fact]
    public async Task Blocking_a_supplier_rejects_its_held_requisitions()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        await tenant.ErpSupplierStatusAsync(Supplier, "on_hold", version: 1, reason: "audit");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));

        var result = await tenant.ErpSupplierStatusAsync(Supplier, "blocked", version: 2, reason: "audit failed");

        Assert.Equal(("rejected", "rejected"), (Assert.Single(result.Requisitions).Outcome, Assert.Single(result.Requisitions).Status));
        Assert.Equal("rejected", (await anna.GetRequisitionAsync(req)).Status());
        Assert.Contains("audit failed", Assert.Single((await tenant.StoredChecksAsync(req)).Flags).Text, StringComparison.Ordinal);
        Assert.Single(await tenant.LogAsync("check_rejected", req.Number()));
    }

    [Fact]
    public async Task An_expired_compliance_document_holds_until_it_is_renewed()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var felix = tenant.As("u-felix");
        using var anna = tenant.As("u-anna");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var putDoc = await felix.PutAsync(TestApi.Url($"/api/suppliers/{Supplier}/documents/gdp_certificate"),
            TestApi.JsonBody(new JsonObject { ["reference"] = "GDP-2025-17", ["expires_on"] = yesterday }));
        await putDoc.ReadAsync(HttpStatusCode.OK);

        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));

        Assert.Equal("on_hold", req.Status());
        Assert.Equal([CheckCodes.SupplierDocumentExpired], (await tenant.StoredChecksAsync(req)).Holds.Codes());

        var renewed = await (await felix.PutAsync(TestApi.Url($"/api/suppliers/{Supplier}/documents/gdp_certificate"),
            TestApi.JsonBody(new JsonObject { ["reference"] = "GDP-2026-03", ["expires_on"] = "2099-12-31" }))).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("released", Assert.Single(renewed.GetProperty("result").GetProperty("requisitions").Items()).Str("outcome"));
        Assert.False(Assert.Single(renewed.GetProperty("supplier").GetProperty("documents").Items()).GetProperty("expired").GetBoolean());
        Assert.Equal("pending_approval", (await anna.GetRequisitionAsync(req)).Status());
    }

    [Fact]
    public async Task Supplier_changes_need_procurement_or_admin_and_valid_input()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var julia = tenant.As("u-julia");

        await (await anna.PutStatusAsync(Supplier, "blocked", "no")).ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        await (await julia.PutStatusAsync(Supplier, "closed", "x")).ValidationErrorsAsync("status");
        await (await julia.PutStatusAsync(Supplier, "blocked", " ")).ValidationErrorsAsync("reason");
        await (await julia.PutStatusAsync("sup-nope", "active", null)).ProblemAsync(HttpStatusCode.NotFound, "supplier_not_found");
        await (await julia.PutAsync(TestApi.Url($"/api/suppliers/{Supplier}/documents/Bad Kind"), TestApi.JsonBody(new JsonObject())))
            .ValidationErrorsAsync("kind");
        await (await tenant.As("u-ivan").GetAsync("/api/suppliers")).ProblemAsync(HttpStatusCode.Forbidden, "role_required");

        var list = await (await anna.GetAsync("/api/suppliers?status=active")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(12, list.GetArrayLength());
        Assert.Empty(await tenant.LogAsync("supplier_status_changed"));
    }
}
