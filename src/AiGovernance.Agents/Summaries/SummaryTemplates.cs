using System.Text.RegularExpressions;
using AiGovernance.Agents.Documents;
using AiGovernance.Agents.Prompts;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AiGovernance.Agents.Summaries;

/// <summary>
/// The wording of the sentences the offline summary writes itself, read from
/// <c>prompts/extractive-summary.yaml</c> (prompts are files, so wording changes are versioned and hashed).
/// </summary>
public sealed partial class SummaryTemplates
{
    public const string PromptId = "extractive-summary";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    private readonly Dictionary<string, List<string[]>> _documents;
    private readonly Dictionary<string, List<string[]>> _unusual;

    private SummaryTemplates(LoadedPrompt prompt, Dictionary<string, List<string[]>> documents, Dictionary<string, List<string[]>> unusual)
    {
        Prompt = prompt;
        _documents = documents;
        _unusual = unusual;
    }

    /// <summary>Id, version and hash of the template file, recorded with every extractive summary.</summary>
    public LoadedPrompt Prompt { get; }

    public static SummaryTemplates Load(PromptCatalog catalog)
    {
        var prompt = catalog.Load(PromptId);
        var file = Yaml.Deserialize<TemplateFile>(File.ReadAllText(prompt.Path)) ?? new TemplateFile();
        if (!file.Documents.ContainsKey("other"))
            throw new PromptFileException(prompt.Path, "documents.other is required (used for unknown document types)");
        return new SummaryTemplates(prompt, ToParts(file.Documents), ToParts(file.Unusual));
    }

    /// <summary>The sentence saying what the document is; null when none of its fields were extracted.</summary>
    public string? DescribeDocument(DocumentFields fields)
    {
        var parts = _documents.GetValueOrDefault(fields.DocumentType) ?? _documents["other"];
        return Render(parts, fields, requireAField: true);
    }

    /// <summary>The sentence for an unusual finding, named by its flag.</summary>
    public string? DescribeUnusual(string flag, DocumentFields fields) =>
        _unusual.TryGetValue(flag, out var parts) ? Render(parts, fields, requireAField: false) : null;

    private static string? Render(List<string[]> parts, DocumentFields fields, bool requireAField)
    {
        var text = new System.Text.StringBuilder();
        var usedAField = false;
        foreach (var alternatives in parts)
            foreach (var alternative in alternatives)
            {
                var names = Placeholder().Matches(alternative).Select(m => m.Groups[1].Value).ToList();
                if (names.Any(n => string.IsNullOrWhiteSpace(fields[n]?.Value))) continue;
                text.Append(Placeholder().Replace(alternative, m => fields[m.Groups[1].Value]!.Value));
                usedAField |= names.Count > 0;
                break;
            }
        return requireAField && !usedAField ? null : text.ToString();
    }

    private static Dictionary<string, List<string[]>> ToParts(Dictionary<string, object> section) =>
        section.ToDictionary(kv => kv.Key, kv => kv.Value switch
        {
            string single => [[single]],
            List<object> list => list.Select(p => p is List<object> alts ? alts.Select(a => a.ToString() ?? "").ToArray() : [p.ToString() ?? ""]).ToList(),
            _ => new List<string[]>(),
        });

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();

    private sealed class TemplateFile
    {
        public Dictionary<string, object> Documents { get; set; } = [];
        public Dictionary<string, object> Unusual { get; set; } = [];
    }
}
