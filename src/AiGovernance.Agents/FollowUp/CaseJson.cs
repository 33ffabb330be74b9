using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiGovernance.Agents.FollowUp;

/// <summary>
/// The canonical JSON of a case (snake_case names, object keys sorted, no whitespace), so that the same
/// case always hashes to the same input hash in the decision log.
/// </summary>
public static class CaseJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Serialize(FollowUpCase @case) =>
        Sort(JsonSerializer.SerializeToNode(@case, Options))?.ToJsonString() ?? "null";

    public static string Hash(FollowUpCase @case) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Serialize(@case))));

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sort(p.Value?.DeepClone())))),
        JsonArray array => new JsonArray(array.Select(item => Sort(item?.DeepClone())).ToArray()),
        _ => node?.DeepClone(),
    };
}
