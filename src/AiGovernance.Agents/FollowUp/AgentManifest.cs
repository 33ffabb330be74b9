using System.Globalization;
using System.Security.Cryptography;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AiGovernance.Agents.FollowUp;

/// <summary>
/// An agent's permissions, read from <c>prompts/agents/&lt;id&gt;.yaml</c>. The permission filter enforces
/// it on every function call, whoever asked for the call (the offline planner or a model).
/// </summary>
public sealed record AgentManifest(
    string Id,
    string Version,
    string Hash,
    string Path,
    string PromptId,
    IReadOnlySet<string> AllowedFunctions,
    IReadOnlySet<string> AllowedRecipientKinds,
    int MaxMessagesPerRecipientPerDay,
    int MaxActionsPerRun,
    double ConfidenceThreshold)
{
    private static readonly string[] Known =
    [
        "id", "version", "description", "prompt", "allowed_functions", "allowed_recipient_kinds",
        "max_messages_per_recipient_per_day", "max_actions_per_run", "confidence_threshold",
    ];

    /// <summary>Reads and checks a manifest; every problem is an <see cref="AgentManifestException"/> naming file and line.</summary>
    public static AgentManifest Load(string path)
    {
        if (!File.Exists(path)) throw new AgentManifestException(path, null, "manifest file not found");
        var bytes = File.ReadAllBytes(path);
        var root = ReadRoot(path, bytes);
        var reader = new ManifestFields(path, root);

        foreach (var key in root.Children.Keys.OfType<YamlScalarNode>())
            if (!Known.Contains(key.Value)) throw new AgentManifestException(path, key.Start.Line, $"unknown key '{key.Value}' (known: {string.Join(", ", Known)})");

        var recipientKinds = reader.StringList("allowed_recipient_kinds", allowEmpty: true);
        foreach (var (kind, line) in recipientKinds)
            if (!RecipientKinds.All.Contains(kind))
                throw new AgentManifestException(path, line, $"allowed_recipient_kinds: '{kind}' is not one of {string.Join(", ", RecipientKinds.All)}");
        var functions = reader.StringList("allowed_functions", allowEmpty: false);
        foreach (var (name, line) in functions)
            if (name.Split('.') is not [{ Length: > 0 }, { Length: > 0 }])
                throw new AgentManifestException(path, line, $"allowed_functions: '{name}' must be Plugin.function");

        return new AgentManifest(
            reader.String("id"),
            reader.String("version"),
            "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)),
            path,
            reader.String("prompt"),
            functions.Select(f => f.Value).ToHashSet(StringComparer.Ordinal),
            recipientKinds.Select(k => k.Value).ToHashSet(StringComparer.Ordinal),
            reader.Integer("max_messages_per_recipient_per_day", min: 0, max: 100),
            reader.Integer("max_actions_per_run", min: 1, max: 100),
            reader.Fraction("confidence_threshold"));
    }

    private static YamlMappingNode ReadRoot(string path, byte[] bytes)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(System.Text.Encoding.UTF8.GetString(bytes))); }
        catch (YamlException ex) { throw new AgentManifestException(path, ex.Start.Line, ex.InnerException?.Message ?? ex.Message); }
        // YamlDotNet's scanner throws this (without a position) on some input cut short, e.g. an unclosed [ list.
        catch (InvalidOperationException ex) { throw new AgentManifestException(path, null, "not valid YAML: " + ex.Message); }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new AgentManifestException(path, null, "the manifest must be a YAML mapping");
        return root;
    }

    /// <summary>Typed reads from the root mapping, each error carrying the line of the offending node.</summary>
    private sealed class ManifestFields(string path, YamlMappingNode root)
    {
        private YamlNode Node(string key) =>
            root.Children.TryGetValue(new YamlScalarNode(key), out var node)
                ? node
                : throw new AgentManifestException(path, root.Start.Line, $"'{key}' is required");

        private YamlScalarNode Scalar(string key) => Node(key) is YamlScalarNode { Value: { Length: > 0 } } scalar
            ? scalar
            : throw new AgentManifestException(path, Node(key).Start.Line, $"'{key}' must be a non-empty value");

        public string String(string key) => Scalar(key).Value!.Trim();

        public int Integer(string key, int min, int max)
        {
            var node = Scalar(key);
            if (!int.TryParse(node.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
                throw new AgentManifestException(path, node.Start.Line, $"'{key}' must be a whole number from {min} to {max} (was '{node.Value}')");
            return value;
        }

        public double Fraction(string key)
        {
            var node = Scalar(key);
            if (!double.TryParse(node.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 1)
                throw new AgentManifestException(path, node.Start.Line, $"'{key}' must be a number from 0 to 1 (was '{node.Value}')");
            return value;
        }

        public List<(string Value, long Line)> StringList(string key, bool allowEmpty)
        {
            var node = Node(key);
            if (node is not YamlSequenceNode sequence)
                throw new AgentManifestException(path, node.Start.Line, $"'{key}' must be a list");
            if (!allowEmpty && sequence.Children.Count == 0)
                throw new AgentManifestException(path, node.Start.Line, $"'{key}' must not be empty");
            return sequence.Children.Select(item => item is YamlScalarNode { Value: { Length: > 0 } v }
                    ? (v.Trim(), item.Start.Line)
                    : throw new AgentManifestException(path, item.Start.Line, $"'{key}' items must be non-empty strings"))
                .ToList();
        }
    }
}

/// <summary>A manifest that cannot be used: <c>{file}:{line}: {problem}</c>.</summary>
public sealed class AgentManifestException(string path, long? line, string problem)
    : Exception(line is null ? $"{path}: {problem}" : $"{path}:{line}: {problem}")
{
    public string FilePath { get; } = path;
    public long? Line { get; } = line;
    public string Problem { get; } = problem;
}
