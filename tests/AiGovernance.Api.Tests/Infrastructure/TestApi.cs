using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Data;

namespace AiGovernance.Api.Tests.Infrastructure;

/// <summary>Request bodies and HTTP helpers shared by the integration tests.</summary>
public static class TestApi
{
    public const string Requisitions = "/api/requisitions";

    /// <summary>
    /// A valid submission on LE-EU / CC-EU-PHARMA (owner u-david) with one line of <paramref name="amount"/>.
    /// Returned as a node so a test can break exactly one thing.
    /// </summary>
    public static JsonObject Requisition(decimal amount, string category = "Pharmaceuticals", string supplier = "sup-orgenics-ltd",
        string costCentre = "CC-EU-PHARMA", string legalEntity = "LE-EU", string currency = "EUR", string urgency = "normal") => new()
    {
        ["legal_entity"] = legalEntity,
        ["cost_centre"] = costCentre,
        ["supplier_id"] = supplier,
        ["category"] = category,
        ["currency"] = currency,
        ["urgency"] = urgency,
        ["needed_by"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["lines"] = new JsonArray(new JsonObject
        {
            ["item_code"] = "ITEM-1",
            ["description"] = "Test item",
            ["quantity"] = 1,
            ["unit_of_measure"] = "EA",
            ["unit_price"] = amount,
        }),
    };

    public static StringContent JsonBody(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static Uri Url(string path) => new(path, UriKind.Relative);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, JsonNode body) =>
        client.PostAsync(Url(path), JsonBody(body));

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path) => client.GetAsync(Url(path));

    /// <summary>Submits and requires 201; returns the requisition view.</summary>
    public static async Task<JsonElement> SubmitAsync(this HttpClient client, JsonObject body)
    {
        var response = await client.PostJsonAsync(Requisitions, body);
        return await response.ReadAsync(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> DecideAsync(this HttpClient client, JsonElement requisition, string decision, int step, string? comment = null) =>
        client.PostJsonAsync($"{Requisitions}/{requisition.Id()}/decisions", new JsonObject { ["decision"] = decision, ["step"] = step, ["comment"] = comment });

    public static async Task<JsonElement> GetRequisitionAsync(this HttpClient client, JsonElement requisition) =>
        await (await client.GetAsync($"{Requisitions}/{requisition.Id()}")).ReadAsync(HttpStatusCode.OK);

    public static async Task<JsonElement> QueueAsync(this HttpClient client) =>
        await (await client.GetAsync("/api/approvals/queue")).ReadAsync(HttpStatusCode.OK);

    public static async Task<JsonElement> DecisionLogAsync(this HttpClient client, string query = "") =>
        await (await client.GetAsync("/api/decision-log" + query)).ReadAsync(HttpStatusCode.OK);

    /// <summary>Requires the status, then parses the body; the message shows the body when the status is wrong.</summary>
    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected,
            $"expected {(int)expected} {expected} but got {(int)response.StatusCode} {response.StatusCode} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Requires an RFC 7807 problem with the status and the stable code; returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected, string code)
    {
        var problem = await response.ReadAsync(expected);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.MediaType ?? "");
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    /// <summary>Requires a 422 validation_failed problem with an error for each field; returns the errors object.</summary>
    public static async Task<JsonElement> ValidationErrorsAsync(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        var errors = problem.GetProperty("errors");
        foreach (var field in fields)
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"no error for '{field}' in {errors}");
            Assert.NotEqual(0, messages.GetArrayLength());
        }
        return errors;
    }

    public static Guid Id(this JsonElement requisition) => requisition.GetProperty("id").GetGuid();
    public static string Number(this JsonElement requisition) => requisition.GetProperty("number").GetString()!;
    public static string Status(this JsonElement requisition) => requisition.GetProperty("status").GetString()!;
    public static string? Str(this JsonElement e, string property) => e.GetProperty(property).GetString();

    public static T Deserialize<T>(this JsonElement e) => e.Deserialize<T>(Json.Options)!;

    public static IEnumerable<JsonElement> Items(this JsonElement array) => array.EnumerateArray();

    public static Task<JsonElement> ReadJsonAsync(this HttpContent content) => content.ReadFromJsonAsync<JsonElement>(Json.Options);
}
