using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AiGovernance.Core.Policies;

/// <summary>
/// Walks the YAML tree and collects every error instead of stopping at the first, so an author can fix a
/// policy in one pass. Readers return null when a value is unusable; the caller keeps going regardless.
/// </summary>
internal sealed partial class PolicyReader
{
    public List<PolicyError> Errors { get; } = [];

    public void Error(YamlNode node, string path, string message) =>
        Errors.Add(new PolicyError(ToInt(node.Start.Line), ToInt(node.Start.Column), path, message));

    public static int ToInt(long value) => value > int.MaxValue ? int.MaxValue : (int)value;

    /// <summary>YAML 1.2 core-schema nulls; quoted "null" is a string and stays one.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s
        && s.Value is null or "" or "~" or "null" or "Null" or "NULL";

    public static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>The entries of a mapping, keyed by name; unknown keys are reported with the allowed ones.</summary>
    public Dictionary<string, Field>? Fields(YamlNode node, string path, string what, IReadOnlyList<string> allowed)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, path, $"expected {what} (a mapping of {string.Join(", ", allowed)})");
            return null;
        }

        var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Error(keyNode, path, "keys must be plain names");
                continue;
            }
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                Error(keyNode, Child(path, key), $"unknown key '{key}' in {what}; allowed: {string.Join(", ", allowed)}");
                continue;
            }
            fields[key] = new Field(keyNode, valueNode, Child(path, key));
        }
        return fields;
    }

    public void RequireKeys(YamlNode mapping, string path, Dictionary<string, Field> fields, string what, params string[] required)
    {
        foreach (var key in required)
        {
            if (!fields.ContainsKey(key))
                Error(mapping, Child(path, key), $"{what} is missing required key '{key}'");
        }
    }

    public string? Text(Field field) => Text(field.Value, field.Path);

    public string? Text(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } value } && !IsNull(node) && value.Trim().Length > 0)
            return value.Trim();
        Error(node, path, node is YamlScalarNode ? "must not be empty" : "expected a single text value");
        return null;
    }

    public decimal? Number(Field field) => Number(field.Value, field.Path);

    public decimal? Number(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } value } && !IsNull(node)
            && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return number;
        Error(node, path, $"expected a number, got {Describe(node)}");
        return null;
    }

    public int? Integer(Field field)
    {
        if (field.Value is YamlScalarNode { Value: { } value }
            && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return number;
        Error(field.Value, field.Path, $"expected a whole number, got {Describe(field.Value)}");
        return null;
    }

    public bool? Boolean(Field field)
    {
        if (field.Value is YamlScalarNode { Value: { } value })
        {
            if (value.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
            if (value.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
        }
        Error(field.Value, field.Path, $"expected true or false, got {Describe(field.Value)}");
        return null;
    }

    public YamlSequenceNode? Sequence(Field field, string what)
    {
        if (field.Value is YamlSequenceNode sequence)
            return sequence;
        Error(field.Value, field.Path, $"expected a list of {what}");
        return null;
    }

    public static string Describe(YamlNode node) => node switch
    {
        _ when IsNull(node) => "nothing",
        YamlScalarNode s => $"'{s.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an alias",
    };
}

/// <summary>A mapping entry with the path used in error messages.</summary>
internal sealed record Field(YamlNode Key, YamlNode Value, string Path);
