using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class IdempotencyTests(ApiFixture fixture)
{
    [Fact]
    public async Task Same_key_and_same_body_replays_the_first_response_and_creates_one_requisition()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        var body = TestApi.Requisition(1500m);

        var first = await SubmitWithKeyAsync(anna, "key-1", body);
        var firstText = await first.Content.ReadAsStringAsync();
        var second = await SubmitWithKeyAsync(anna, "key-1", body);
        var secondText = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", Assert.Single(second.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(firstText, secondText);
        Assert.Single(await ListAsync(tenant));
    }

    [Fact]
    public async Task Same_key_with_a_different_body_is_refused()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        (await SubmitWithKeyAsync(anna, "key-2", TestApi.Requisition(1500m))).EnsureSuccessStatusCode();

        var response = await SubmitWithKeyAsync(anna, "key-2", TestApi.Requisition(1600m));

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        var only = Assert.Single(await ListAsync(tenant));
        Assert.Equal(1500m, only.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Keys_are_per_caller_so_another_requester_may_use_the_same_key()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var ben = tenant.As("u-ben");

        var a = await SubmitWithKeyAsync(anna, "shared-key", TestApi.Requisition(1500m));
        var b = await SubmitWithKeyAsync(ben, "shared-key", TestApi.Requisition(1500m));

        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        Assert.False(b.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, (await ListAsync(tenant)).Count);
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_create_exactly_one_requisition()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        var body = TestApi.Requisition(1500m);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SubmitWithKeyAsync(anna, "key-parallel", body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location).Distinct());
        Assert.Equal(9, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
        Assert.Single(await ListAsync(tenant));
    }

    private static Task<HttpResponseMessage> SubmitWithKeyAsync(HttpClient client, string key, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, TestApi.Url(TestApi.Requisitions)) { Content = TestApi.JsonBody(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<List<System.Text.Json.JsonElement>> ListAsync(TestTenant tenant)
    {
        using var julia = tenant.As("u-julia");
        return (await (await julia.GetAsync(TestApi.Requisitions)).ReadAsync(HttpStatusCode.OK)).Items().ToList();
    }
}
