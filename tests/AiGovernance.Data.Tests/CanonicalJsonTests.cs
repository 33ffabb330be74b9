using AiGovernance.Data.DecisionLog;

namespace AiGovernance.Data.Tests;

public class CanonicalJsonTests
{
    [Fact]
    public void Key_order_does_not_change_the_canonical_form()
    {
        Assert.Equal(
            CanonicalJson.Canonicalize("""{"b": 1, "a": 2, "c": {"y": true, "x": null}}"""),
            CanonicalJson.Canonicalize("""{ "c": { "x": null, "y": true }, "a": 2, "b": 1 }"""));
    }

    [Fact]
    public void Nested_objects_are_sorted_ordinally_arrays_keep_their_order_and_whitespace_goes()
    {
        var canonical = CanonicalJson.Canonicalize("""
            { "z": [3, 1, {"b": [], "a": {}}], "B": "upper", "a": "lower", "_": 0 }
            """);

        Assert.Equal("""{"B":"upper","_":0,"a":"lower","z":[3,1,{"a":{},"b":[]}]}""", canonical);
    }

    [Fact]
    public void Canonicalizing_is_idempotent()
    {
        var once = CanonicalJson.Canonicalize("""{"k": [1.50, -0.25, 1e3], "s": "a\"b\\c\n"}""");

        Assert.Equal(once, CanonicalJson.Canonicalize(once));
    }

    [Fact]
    public void Numbers_are_kept_as_written()
    {
        Assert.Equal("""{"a":1.50,"b":100,"c":-0.001}""", CanonicalJson.Canonicalize("""{"c": -0.001, "b": 100, "a": 1.50}"""));
    }

    [Fact]
    public void Unicode_is_written_unescaped_and_escaped_input_means_the_same()
    {
        var raw = CanonicalJson.Canonicalize("""{"name": "Müller € 日本 ü"}""");
        var escaped = CanonicalJson.Canonicalize("""{"name": "M\u00fcller \u20ac \u65e5\u672c \u00fc"}""");

        Assert.Equal("""{"name":"Müller € 日本 ü"}""", raw);
        Assert.Equal(raw, escaped);
    }

    [Fact]
    public void Unicode_is_not_normalized_so_composed_and_decomposed_forms_differ()
    {
        Assert.NotEqual(CanonicalJson.Canonicalize("\"\u00fc\""), CanonicalJson.Canonicalize("\"u\u0308\""));
    }

    [Fact]
    public void Unicode_keys_sort_by_ordinal_code_units()
    {
        Assert.Equal("""{"a":1,"z":2,"é":3,"日":4}""", CanonicalJson.Canonicalize("""{"日": 4, "é": 3, "z": 2, "a": 1}"""));
    }

    [Theory]
    [InlineData("null", "null")]
    [InlineData("[]", "[]")]
    [InlineData(" \"text\" ", "\"text\"")]
    [InlineData("[null, {\"b\":null,\"a\":[]}]", "[null,{\"a\":[],\"b\":null}]")]
    public void Scalars_arrays_and_nulls_are_canonical_too(string json, string expected)
    {
        Assert.Equal(expected, CanonicalJson.Canonicalize(json));
    }

    [Fact]
    public void The_entry_hash_changes_with_any_field_and_is_stable_otherwise()
    {
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero).AddTicks(1234560);
        var tenant = Guid.Parse("0195f000-0000-7000-8000-000000000001");
        string Hash(string actor = "u-a", string payload = """{"a":1}""", string? onBehalfOf = null) =>
            DecisionLogEntry.ComputeHash(1, DecisionLogEntry.GenesisHash,
                DecisionLogEntry.CanonicalContent(tenant, "k", actor, onBehalfOf, null, null, payload, at));

        Assert.Equal(Hash(), Hash(payload: """{ "a" : 1 }"""));
        Assert.NotEqual(Hash(), Hash(actor: "u-b"));
        Assert.NotEqual(Hash(), Hash(payload: """{"a":2}"""));
        Assert.NotEqual(Hash(), Hash(onBehalfOf: "u-c"));
        Assert.Matches("^[0-9a-f]{64}$", Hash());
        Assert.Equal("2026-03-02T09:00:00.123456Z", DecisionLogEntry.FormatTimestamp(at));
    }
}
