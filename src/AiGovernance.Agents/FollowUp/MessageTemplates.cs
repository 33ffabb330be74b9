using System.Security.Cryptography;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AiGovernance.Agents.FollowUp;

/// <summary>
/// The wording of drafted messages, read from <c>prompts/follow-up-messages.yaml</c> so that compliance
/// reviews and versions it like any prompt. Placeholders are <c>{{name}}</c>; a placeholder the agent
/// does not supply is an error at load time, not a message sent with a hole in it.
/// </summary>
public sealed partial class MessageTemplates
{
    public const string DocumentRequest = "document_request";
    public const string OnboardingRequest = "onboarding_request";
    public const string ApproverNudge = "approver_nudge";

    /// <summary>The placeholders every template may use; drafting fills each one.</summary>
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>
    {
        "requisition_number", "title", "amount", "currency", "category", "supplier_name", "recipient",
        "document_kind", "reason", "missing_items", "step", "due_at",
    };

    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
    private readonly Dictionary<string, MessageTemplate> _messages;

    private MessageTemplates(string id, string version, string hash, Dictionary<string, MessageTemplate> messages)
    {
        (Id, Version, Hash, _messages) = (id, version, hash, messages);
    }

    public string Id { get; }
    public string Version { get; }
    public string Hash { get; }

    public static MessageTemplates Load(string path)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: message template file not found");
        var bytes = File.ReadAllBytes(path);
        TemplateFile file;
        try { file = Yaml.Deserialize<TemplateFile>(System.Text.Encoding.UTF8.GetString(bytes)) ?? new TemplateFile(); }
        catch (YamlDotNet.Core.YamlException ex) { throw new InvalidDataException($"{path}:{ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}"); }
        if (string.IsNullOrWhiteSpace(file.Version)) throw new InvalidDataException($"{path}: version is required");
        foreach (var kind in new[] { DocumentRequest, OnboardingRequest, ApproverNudge })
        {
            if (!file.Messages.TryGetValue(kind, out var message) || string.IsNullOrWhiteSpace(message.Subject) || string.IsNullOrWhiteSpace(message.Body))
                throw new InvalidDataException($"{path}: messages.{kind} needs a subject and a body");
            foreach (Match m in PlaceholderPattern().Matches(message.Subject + message.Body))
                if (!Placeholders.Contains(m.Groups[1].Value))
                    throw new InvalidDataException($"{path}: messages.{kind} uses unknown placeholder {{{{{m.Groups[1].Value}}}}}");
        }
        return new MessageTemplates(file.Id, file.Version, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Messages);
    }

    /// <summary>Subject and body of <paramref name="kind"/> with every placeholder replaced.</summary>
    public (string Subject, string Body) Render(string kind, IReadOnlyDictionary<string, string> values)
    {
        var template = _messages[kind];
        string Fill(string text) => PlaceholderPattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : "");
        return (Fill(template.Subject).Trim(), Fill(template.Body).Trim());
    }

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}")]
    private static partial Regex PlaceholderPattern();

    private sealed class TemplateFile
    {
        public string Id { get; set; } = "";
        public string Version { get; set; } = "";
        public string? Description { get; set; }
        public Dictionary<string, MessageTemplate> Messages { get; set; } = [];
    }

    private sealed class MessageTemplate
    {
        public string Subject { get; set; } = "";
        public string Body { get; set; } = "";
    }
}
