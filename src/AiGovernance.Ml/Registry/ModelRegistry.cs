using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiGovernance.Ml.Registry;

/// <summary>
/// The model registry is a directory: <c>models/&lt;kind&gt;/&lt;version&gt;/{model.zip, metrics.json, card.md}</c>
/// plus <c>models/registry.json</c> naming the active version of each kind. A file (not a table) so a
/// model version is reviewed and shipped like code; services read it at start and when it changes.
/// </summary>
public sealed class ModelRegistry(string root)
{
    public const string FileName = "registry.json";
    public string Root { get; } = Path.GetFullPath(root);

    public string RegistryFile => Path.Combine(Root, FileName);

    public string DirectoryOf(string kind, string version) => Path.Combine(Root, kind, version);

    public IReadOnlyList<string> Versions(string kind)
    {
        var dir = Path.Combine(Root, kind);
        return Directory.Exists(dir)
            ? Directory.GetDirectories(dir).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>The active version of a kind, or null when none is named (or the registry file is missing).</summary>
    public string? ActiveVersion(string kind) =>
        ReadActive().TryGetValue(kind, out var v) ? v : null;

    public IReadOnlyDictionary<string, string> ReadActive()
    {
        if (!File.Exists(RegistryFile)) return new Dictionary<string, string>();
        var node = JsonNode.Parse(File.ReadAllText(RegistryFile))?["active"] as JsonObject
            ?? throw new InvalidDataException($"{RegistryFile}: expected {{\"active\": {{\"<kind>\": \"<version>\"}}}}");
        return node.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "", StringComparer.Ordinal);
    }

    /// <summary>Names a version active. Written to a temp file and renamed, so a reader never sees half a file.</summary>
    public void SetActive(string kind, string version)
    {
        if (!File.Exists(Path.Combine(DirectoryOf(kind, version), "model.zip")))
            throw new InvalidOperationException($"{kind} version {version} has no model.zip under {Root}");
        var active = new SortedDictionary<string, string>(ReadActive().ToDictionary(), StringComparer.Ordinal) { [kind] = version };
        Directory.CreateDirectory(Root);
        var tmp = RegistryFile + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(new { active }, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.Move(tmp, RegistryFile, overwrite: true);
    }

    /// <summary>A new version id: the date plus a counter, so versions sort in creation order.</summary>
    public string NextVersion(string kind, DateTimeOffset now)
    {
        var prefix = now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        // One past the highest counter of the day, not the count: versions may have been deleted or copied in.
        var n = Versions(kind).Select(v => v.StartsWith(prefix + ".", StringComparison.Ordinal)
                && int.TryParse(v.AsSpan(prefix.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : 0)
            .DefaultIfEmpty(0).Max() + 1;
        return $"{prefix}.{n}";
    }

    /// <summary>
    /// The models directory: an explicit setting, else the nearest <c>models/</c> holding a registry file,
    /// searching upward from <paramref name="start"/> (the app directory) so a checkout works without settings.
    /// </summary>
    public static string Locate(string? configured, string start)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models");
            if (File.Exists(Path.Combine(candidate, FileName))) return candidate;
        }
        return Path.Combine(start, "models");
    }
}
