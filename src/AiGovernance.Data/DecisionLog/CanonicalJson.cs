using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiGovernance.Data.DecisionLog;

/// <summary>
/// Canonical JSON for hashing: object keys sorted ordinally, no whitespace, numbers as written.
/// jsonb reorders keys and rewrites exponent numbers (1.5E-05 → 0.000015), so numbers are written
/// the way PostgreSQL's numeric prints them and entries are re-canonicalized when verified.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = Json.Options.Encoder, Indented = false };

    public static string Canonicalize(string json) => Canonicalize(JsonNode.Parse(json));

    public static string Canonicalize(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) Write(writer, node);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter w, JsonNode? node)
    {
        switch (node)
        {
            case null:
                w.WriteNullValue();
                break;
            case JsonObject obj:
                w.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    w.WritePropertyName(key);
                    Write(w, value);
                }
                w.WriteEndObject();
                break;
            case JsonArray arr:
                w.WriteStartArray();
                foreach (var item in arr) Write(w, item);
                w.WriteEndArray();
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                w.WriteRawValue(PlainNumber(v.ToJsonString()), skipInputValidation: true);
                break;
            default:
                node.WriteTo(w);
                break;
        }
    }

    /// <summary>
    /// Rewrites a JSON number in exponent form as PostgreSQL numeric prints it: plain digits, with as
    /// many decimals as the mantissa's fraction minus the exponent (never fewer than zero).
    /// </summary>
    public static string PlainNumber(string number)
    {
        var e = number.IndexOfAny(['e', 'E']);
        if (e < 0) return number;
        var exponent = int.Parse(number.AsSpan(e + 1), System.Globalization.CultureInfo.InvariantCulture);
        var mantissa = number[..e];
        var negative = mantissa.StartsWith('-');
        if (negative) mantissa = mantissa[1..];
        var dot = mantissa.IndexOf('.');
        var intPart = dot < 0 ? mantissa : mantissa[..dot];
        var fracPart = dot < 0 ? "" : mantissa[(dot + 1)..];
        var digits = intPart + fracPart;
        var point = intPart.Length + exponent;
        string plain;
        if (point <= 0) plain = "0." + new string('0', -point) + digits;
        else if (point >= digits.Length) plain = digits + new string('0', point - digits.Length);
        else plain = digits[..point] + "." + digits[point..];
        var dotAt = plain.IndexOf('.');
        var whole = (dotAt < 0 ? plain : plain[..dotAt]).TrimStart('0');
        plain = (whole.Length == 0 ? "0" : whole) + (dotAt < 0 ? "" : plain[dotAt..]);
        return negative && plain.Any(c => c is >= '1' and <= '9') ? "-" + plain : plain;
    }
}
