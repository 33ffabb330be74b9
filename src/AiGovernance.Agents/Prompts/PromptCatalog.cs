using System.Security.Cryptography;
using Microsoft.SemanticKernel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AiGovernance.Agents.Prompts;

/// <summary>
/// Reads prompt templates from the <c>prompts/</c> directory. Semantic Kernel's own YAML package is not
/// served here, so the file is read with YamlDotNet into a <see cref="PromptTemplateConfig"/>.
/// A prompt file:
/// <code>
/// id: document-summary
/// version: 1.0.0
/// description: …
/// template: |
///   …{{$document}}…
/// input_variables: [ { name: document, description: … } ]
/// execution_settings: { temperature: 0, max_tokens: 700 }
/// </code>
/// </summary>
public sealed class PromptCatalog(string directory)
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public string Directory { get; } = directory;

    /// <summary>The nearest <c>prompts/</c> directory above <paramref name="start"/>, unless one is configured.</summary>
    public static string Locate(string? configured, string start)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return System.IO.Path.GetFullPath(configured);
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "prompts");
            if (System.IO.Directory.Exists(candidate) && System.IO.Directory.EnumerateFiles(candidate, "*.yaml").Any()) return candidate;
        }
        return System.IO.Path.Combine(start, "prompts");
    }

    /// <summary>Loads <c>{id}.yaml</c>; a missing or malformed file is an error naming the file.</summary>
    public LoadedPrompt Load(string id)
    {
        var path = System.IO.Path.Combine(Directory, id + ".yaml");
        if (!File.Exists(path)) throw new PromptFileException(path, "prompt file not found");
        var bytes = File.ReadAllBytes(path);
        PromptFile file;
        try { file = Yaml.Deserialize<PromptFile>(System.Text.Encoding.UTF8.GetString(bytes)) ?? new PromptFile(); }
        catch (YamlDotNet.Core.YamlException ex) { throw new PromptFileException(path, $"line {ex.Start.Line}: {ex.Message}"); }

        if (file.Id != id) throw new PromptFileException(path, $"id '{file.Id}' does not match the file name '{id}'");
        if (string.IsNullOrWhiteSpace(file.Version)) throw new PromptFileException(path, "version is required");
        if (string.IsNullOrWhiteSpace(file.Template)) throw new PromptFileException(path, "template is required");

        var config = new PromptTemplateConfig(file.Template)
        {
            Name = file.Id.Replace('-', '_'),
            Description = file.Description,
            TemplateFormat = PromptTemplateConfig.SemanticKernelTemplateFormat,
        };
        foreach (var v in file.InputVariables) config.InputVariables.Add(new InputVariable { Name = v.Name, Description = v.Description });
        if (file.ExecutionSettings.Count > 0)
            config.AddExecutionSettings(new PromptExecutionSettings { ExtensionData = file.ExecutionSettings });
        return new LoadedPrompt(file.Id, file.Version, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), path, config);
    }

    private sealed class PromptFile
    {
        public string Id { get; set; } = "";
        public string Version { get; set; } = "";
        public string? Description { get; set; }
        public string Template { get; set; } = "";
        public List<PromptVariable> InputVariables { get; set; } = [];
        public Dictionary<string, object> ExecutionSettings { get; set; } = [];
    }

    private sealed class PromptVariable
    {
        public string Name { get; set; } = "";
        public string? Description { get; set; }
    }
}

/// <summary>A prompt file that cannot be used, with its path.</summary>
public sealed class PromptFileException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string FilePath { get; } = path;
}
