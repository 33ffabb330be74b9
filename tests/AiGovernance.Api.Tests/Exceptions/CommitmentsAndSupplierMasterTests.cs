using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Api.Tests.Webhooks;

namespace AiGovernance.Api.Tests.Exceptions;

/// <summary>
/// Customer commitments (customer order + promised date) raise an exception's urgency; stated supplier details
/// that disagree with the supplier master (the demo master: Orgenics, Ltd, GB356230123, GB02DEMO83607776793617)
/// raise a supplier_master_mismatch for accounts payable, with the IBAN masked outside the master.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CommitmentsAndSupplierMasterTests(ApiFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Inbox = "/api/exceptions?type=supplier_master_mismatch";
    private const string MasterIban = "GB02DEMO83607776793617";
    private const string OtherIban = "GB70DEMO11696105317839"; // valid check digits, not Orgenics' account

    [Fact]
    public async Task A_mismatching_iban_raises_one_masked_exception_for_accounts_payable_and_replays_do_not_duplicate_it()
    {
        var tenant = await fixture.CreateTenantAsync();
        var body = WithSupplierDetails(TestApi.Requisition(8000), "ORGENICS LIMITED", "GB 356 230 123", OtherIban);
        var req = await SubmitWithKeyAsync(tenant.As("u-anna"), body, "key-1");
        var replay = await SubmitWithKeyAsync(tenant.As("u-anna"), body, "key-1");
        Assert.Equal(req.Id(), replay.Id());

        await tenant.ProjectExceptionsAsync();
        var item = Assert.Single((await (await tenant.As("u-felix").GetAsync(Inbox)).ReadAsync(HttpStatusCode.OK)).Items());
        Assert.Equal(req.Id(), item.GetProperty("requisition_id").GetGuid());
        Assert.Equal("accounts_payable", item.Str("owner_queue"));
        Assert.StartsWith("Bank details differ", item.Str("title"), StringComparison.Ordinal);
        var evidence = item.GetProperty("evidence");
        var mismatch = Assert.Single(evidence.GetProperty("mismatches").Items());
        Assert.Equal(("iban", "GB****************7839", "GB****************3617"), (mismatch.Str("field"), mismatch.Str("stated"), mismatch.Str("master")));
        Assert.DoesNotContain("11696105", evidence.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("83607776", evidence.ToString(), StringComparison.Ordinal);

        // The full stated IBAN is kept only in the requisition's own record; the API view masks it too.
        Assert.Equal("GB****************7839", req.GetProperty("supplier_details").Str("iban"));
        Assert.Equal(OtherIban, await ScalarAsync<string>(tenant, "SELECT supplier_stated->>'iban' FROM requisitions"));
        Assert.Equal(1L, await ScalarAsync<long>(tenant, "SELECT count(*) FROM decision_log WHERE kind = 'supplier_master_mismatch'"));

        // Replaying the whole log (a checkpoint left behind by a crash) raises nothing new.
        await ResetCheckpointAsync(tenant);
        await tenant.ProjectExceptionsAsync();
        Assert.Equal(1L, await ScalarAsync<long>(tenant, "SELECT count(*) FROM exceptions WHERE type = 'supplier_master_mismatch'"));
    }

    [Fact]
    public async Task Details_that_match_once_case_spacing_and_legal_form_are_ignored_raise_nothing()
    {
        var tenant = await fixture.CreateTenantAsync();
        var req = await tenant.As("u-anna").SubmitAsync(
            WithSupplierDetails(TestApi.Requisition(3000), "orgenics limited", "gb356230123", "gb02 demo 8360 7776 7936 17"));

        Assert.Equal("orgenics limited", req.GetProperty("supplier_details").Str("name"));
        Assert.Equal("GB356230123", req.GetProperty("supplier_details").Str("vat_id"));
        await tenant.ProjectExceptionsAsync();
        Assert.Empty((await (await tenant.As("u-felix").GetAsync(Inbox)).ReadAsync(HttpStatusCode.OK)).Items());
        Assert.Equal(0L, await ScalarAsync<long>(tenant, "SELECT count(*) FROM decision_log WHERE kind = 'supplier_master_mismatch'"));
    }

    [Fact]
    public async Task A_customer_commitment_ranks_the_same_exception_higher_and_says_which_order()
    {
        var tenant = await fixture.CreateTenantAsync();
        var anna = tenant.As("u-anna");
        var plain = await anna.SubmitAsync(WithSupplierDetails(TestApi.Requisition(5000), null, null, OtherIban));
        var committed = WithSupplierDetails(TestApi.Requisition(5000), null, null, OtherIban);
        committed["customer_order"] = "SO-4711";
        committed["promised_date"] = Date(3);
        var forCustomer = await anna.SubmitAsync(committed);
        Assert.True(forCustomer.GetProperty("customer_commitment").GetBoolean());
        Assert.Equal(("SO-4711", Date(3)), (forCustomer.Str("customer_order"), forCustomer.Str("promised_date")));
        Assert.False(plain.GetProperty("customer_commitment").GetBoolean());

        await tenant.ProjectExceptionsAsync();
        var items = (await (await tenant.As("u-felix").GetAsync(Inbox)).ReadAsync(HttpStatusCode.OK)).Items().ToList();

        Assert.Equal([forCustomer.Id(), plain.Id()], items.Select(i => i.GetProperty("requisition_id").GetGuid()));
        var (first, second) = (items[0].GetProperty("triage"), items[1].GetProperty("triage"));
        Assert.True(first.GetProperty("score").GetDouble() > second.GetProperty("score").GetDouble(), $"{first} vs {second}");
        Assert.Equal(first.GetProperty("impact").ToString(), second.GetProperty("impact").ToString());
        Assert.Contains("tied to customer order SO-4711", first.GetProperty("urgency").Str("why"), StringComparison.Ordinal);
        Assert.DoesNotContain("customer", second.GetProperty("urgency").Str("why"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_commitments_and_supplier_details_are_refused_by_field_and_nothing_is_stored()
    {
        var tenant = await fixture.CreateTenantAsync();
        var anna = tenant.As("u-anna");
        var all = WithSupplierDetails(TestApi.Requisition(100), "Orgenics", "123456789", "GB02DEMO83607776793618");
        all["customer_order"] = new string('x', 101);
        all["promised_date"] = Date(-1);
        await (await anna.PostJsonAsync(TestApi.Requisitions, all))
            .ValidationErrorsAsync("customer_order", "promised_date", "supplier_details.iban", "supplier_details.vat_id");

        var noOrder = TestApi.Requisition(100);
        noOrder["promised_date"] = Date(5);
        var errors = await (await anna.PostJsonAsync(TestApi.Requisitions, noOrder)).ValidationErrorsAsync("promised_date");
        Assert.StartsWith("needs customer_order", errors.GetProperty("promised_date")[0].GetString(), StringComparison.Ordinal);

        var unknown = WithSupplierDetails(TestApi.Requisition(100), "Orgenics", null, null);
        unknown["supplier_details"]!["bic"] = "DEMOGB22";
        await (await anna.PostJsonAsync(TestApi.Requisitions, unknown)).ValidationErrorsAsync("supplier_details.bic");

        Assert.Equal(0L, await ScalarAsync<long>(tenant, "SELECT count(*) FROM requisitions"));
        Assert.Equal(0L, await ScalarAsync<long>(tenant, "SELECT count(*) FROM decision_log WHERE kind IN ('routing', 'auto_approval', 'supplier_master_mismatch')"));
    }

    [Fact]
    public async Task The_erp_webhook_carries_the_commitment_and_the_supplier_details_and_logs_changes()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);
        var created = ErpWebhook.Created("evt-c", "ERP-7", 2500m);
        var data = created["data"]!.AsObject();
        data["customer_order"] = "CO-900";
        data["promised_date"] = Date(10);
        data["supplier_details"] = new JsonObject { ["name"] = "Orgenics Ltd", ["iban"] = OtherIban };
        await (await erp.SendAsync(created)).ProcessedAsync();

        var req = await erp.RequisitionByErpIdAsync("ERP-7");
        Assert.Equal(("CO-900", Date(10)), (req.Str("customer_order"), req.Str("promised_date")));
        Assert.True(req.GetProperty("customer_commitment").GetBoolean());
        Assert.Single(await erp.LogAsync("supplier_master_mismatch"));

        // The ERP moves the promise and re-states (another wrong) IBAN: the change is logged, the exception not doubled.
        var update = await (await erp.SendAsync(Updated("evt-u", "ERP-7", 2, new JsonObject
        {
            ["promised_date"] = Date(4),
            ["supplier_details"] = new JsonObject { ["iban"] = "GB94DEMO41011885287291" },
        }))).ProcessedAsync();
        Assert.True(update.GetProperty("commitment_changed").GetBoolean());
        Assert.True(update.GetProperty("supplier_master_mismatch").GetBoolean());
        var changed = Assert.Single(await erp.LogAsync("requisition_commitment_changed")).GetProperty("payload");
        Assert.Equal((Date(10), Date(4), "CO-900"), (changed.Str("promised_date_before"), changed.Str("promised_date_after"), changed.Str("customer_order_after")));
        Assert.Equal(Date(4), (await erp.RequisitionByErpIdAsync("ERP-7")).Str("promised_date"));
        Assert.Equal(2, (await erp.LogAsync("supplier_master_mismatch")).Count);
        await erp.Tenant.ProjectExceptionsAsync();
        Assert.Equal(1L, await erp.CountAsync("SELECT count(*) FROM exceptions WHERE type = 'supplier_master_mismatch'"));

        // A promised date on a requisition with no customer order, or a bad IBAN, is refused under data.
        await (await erp.SendAsync(ErpWebhook.Created("evt-c2", "ERP-8"))).ProcessedAsync();
        await (await erp.SendAsync(Updated("evt-u2", "ERP-8", 1, new JsonObject
        {
            ["promised_date"] = Date(4),
            ["supplier_details"] = new JsonObject { ["iban"] = "GB94DEMO41011885287292" },
        }))).ValidationErrorsAsync("data.promised_date", "data.supplier_details.iban");
        Assert.Null((await erp.RequisitionByErpIdAsync("ERP-8")).Str("promised_date"));
    }

    [Fact]
    public async Task Supplier_master_identifiers_are_set_validated_logged_masked_and_compared_from_then_on()
    {
        var tenant = await fixture.CreateTenantAsync();
        var felix = tenant.As("u-felix");
        const string path = "/api/suppliers/sup-pharmacy-direct";

        await (await felix.PutAsync(TestApi.Url(path + "/identifiers"), TestApi.JsonBody(new JsonObject { ["vat_id"] = "X1", ["iban"] = "GB00DEMO1" })))
            .ValidationErrorsAsync("vat_id", "iban");
        await (await tenant.As("u-anna").PutAsync(TestApi.Url(path + "/identifiers"), TestApi.JsonBody(new JsonObject { ["iban"] = MasterIban })))
            .ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        var set = await (await felix.PutAsync(TestApi.Url(path + "/identifiers"),
            TestApi.JsonBody(new JsonObject { ["vat_id"] = "gb 999 000 111", ["iban"] = "gb02 demo 8360 7776 7936 17" }))).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(("GB999000111", MasterIban), (set.Str("vat_id"), set.Str("iban")));

        Assert.Equal(MasterIban, (await (await felix.GetAsync(path)).ReadAsync(HttpStatusCode.OK)).Str("iban"));
        Assert.Equal("GB****************3617", (await (await tenant.As("u-anna").GetAsync(path)).ReadAsync(HttpStatusCode.OK)).Str("iban"));
        var logged = Assert.Single((await tenant.As("u-hannah").DecisionLogAsync("?kind=supplier_identifiers_changed")).Items()).GetProperty("payload");
        Assert.Equal((null, "GB****************3617", true), (logged.Str("iban_before"), logged.Str("iban_after"), logged.GetProperty("iban_changed").GetBoolean()));

        // The master now knows the bank details, so a requisition for this supplier stating other ones is a mismatch.
        await tenant.As("u-anna").SubmitAsync(WithSupplierDetails(TestApi.Requisition(700, supplier: "sup-pharmacy-direct"), "Pharmacy Direct Ltd", null, OtherIban));
        Assert.Equal(1L, await ScalarAsync<long>(tenant, "SELECT count(*) FROM decision_log WHERE kind = 'supplier_master_mismatch'"));
    }

    [Fact]
    public async Task The_running_worker_raises_the_mismatch_by_itself_soon_after_the_submission()
    {
        // The shared host runs its worker loop: the mismatch entry schedules the projector in the submission's transaction.
        // Two submissions: the first may wait for a cold worker (models loading), the second shows the warm latency.
        var tenant = await fixture.CreateTenantAsync();
        for (var i = 0; i < 2; i++)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var req = await tenant.As("u-anna").SubmitAsync(WithSupplierDetails(TestApi.Requisition(2100 + i), null, null, OtherIban));
            var submitted = started.Elapsed;
            while (true)
            {
                var inbox = await (await tenant.As("u-felix").GetAsync(Inbox)).ReadAsync(HttpStatusCode.OK);
                if (inbox.Items().Any(e => e.GetProperty("requisition_id").GetGuid() == req.Id())) break;
                Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), "the worker did not raise the mismatch within 30 s");
                await Task.Delay(20);
            }
            output.WriteLine($"submission {i + 1} took {submitted.TotalMilliseconds:0} ms; supplier_master_mismatch in the inbox " +
                $"{(started.Elapsed - submitted).TotalMilliseconds:0} ms after it committed");
        }
    }

    private static JsonObject WithSupplierDetails(JsonObject body, string? name, string? vat, string? iban)
    {
        body["supplier_details"] = new JsonObject { ["name"] = name, ["vat_id"] = vat, ["iban"] = iban };
        return body;
    }

    private static string Date(int days) => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonObject Updated(string eventId, string erpId, long version, JsonObject changes)
    {
        changes["external_erp_id"] = erpId;
        return ErpWebhook.Event(eventId, "requisition.updated", changes, version);
    }

    private static async Task<JsonElement> SubmitWithKeyAsync(HttpClient client, JsonObject body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TestApi.Url(TestApi.Requisitions)) { Content = TestApi.JsonBody(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await (await client.SendAsync(request)).ReadAsync(HttpStatusCode.Created);
    }

    private static async Task<T> ScalarAsync<T>(TestTenant tenant, string sql)
    {
        await using var scope = await tenant.OwnerScopeAsync();
        await using var cmd = scope.Command(sql);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task ResetCheckpointAsync(TestTenant tenant)
    {
        await using var scope = await tenant.OwnerScopeAsync();
        await using var reset = scope.Command("UPDATE exception_checkpoints SET last_seq = 0");
        await reset.ExecuteNonQueryAsync();
        await scope.CommitAsync();
    }
}
