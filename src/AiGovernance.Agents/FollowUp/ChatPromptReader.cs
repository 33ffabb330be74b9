using System.Xml;
using System.Xml.Linq;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AiGovernance.Agents.FollowUp;

/// <summary>
/// Turns a rendered prompt of <c>&lt;message role="…"&gt;</c> blocks into a chat history. Semantic Kernel
/// HTML-encodes variable values while rendering, so case data inside a message cannot open a message
/// of its own: it stays text in the user message.
/// </summary>
public static class ChatPromptReader
{
    public static ChatHistory Read(string renderedPrompt)
    {
        XElement root;
        try { root = XElement.Parse("<prompt>" + renderedPrompt + "</prompt>", LoadOptions.PreserveWhitespace); }
        catch (XmlException ex) { throw new InvalidDataException($"the rendered agent prompt is not a sequence of <message> blocks: {ex.Message}", ex); }

        var history = new ChatHistory();
        foreach (var message in root.Elements("message"))
        {
            var role = (string?)message.Attribute("role") switch
            {
                "system" => AuthorRole.System,
                "user" => AuthorRole.User,
                "assistant" => AuthorRole.Assistant,
                var other => throw new InvalidDataException($"the agent prompt has a message with role '{other}'"),
            };
            history.AddMessage(role, Content(message).Trim());
        }
        if (history.Count == 0) throw new InvalidDataException("the agent prompt has no <message> blocks");
        return history;
    }

    /// <summary>A message's text with the template's own delimiter tags (e.g. &lt;case&gt;) kept, so the model sees where data starts and ends.</summary>
    private static string Content(XElement element) => string.Concat(element.Nodes().Select(node => node switch
    {
        XText text => text.Value,
        XElement inner => $"<{inner.Name}>{Content(inner)}</{inner.Name}>",
        _ => "",
    }));
}
