using System.Security.Cryptography;
using System.Text;
using AiGovernance.Agents.Documents;

namespace AiGovernance.Agents.Summaries;

/// <summary>The document as data for a prompt, and the boundary token its markers carry.</summary>
public sealed record DelimitedDocument(string Text, string Boundary);

/// <summary>
/// Wraps document text so a model can tell data from instructions: one <c>&lt;document&gt;</c> block,
/// each page between <c>&lt;&lt;&lt;PAGE n TOKEN&gt;&gt;&gt;</c> and <c>&lt;&lt;&lt;END PAGE n TOKEN&gt;&gt;&gt;</c>,
/// where TOKEN is random per call so a document cannot print a marker that closes its own block.
/// Angle brackets inside the text become ‹ › so nothing in it looks like a marker or a tag.
/// Only readable text is included: a model must not act on what the reviewer cannot see.
/// </summary>
public static class DocumentDelimiter
{
    public static DelimitedDocument Wrap(ReadDocument doc, string? boundary = null)
    {
        boundary ??= NewBoundary();
        var sb = new StringBuilder();
        sb.Append("<document id=\"").Append(Neutralise(doc.Sha256).Replace("\"", "")).Append("\" pages=\"").Append(doc.Pages.Count)
          .Append("\" boundary=\"").Append(boundary).Append("\">\n");
        foreach (var page in doc.Pages)
        {
            sb.Append("<<<PAGE ").Append(page.Number).Append(' ').Append(boundary).Append(">>>\n");
            sb.Append(Neutralise(VisibleText.Page(page)).Replace(boundary, "[boundary removed]")).Append('\n');
            sb.Append("<<<END PAGE ").Append(page.Number).Append(' ').Append(boundary).Append(">>>\n");
        }
        sb.Append("</document>");
        return new DelimitedDocument(sb.ToString(), boundary);
    }

    /// <summary>128 random bits, hex: never guessable by whoever wrote the document.</summary>
    public static string NewBoundary() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Text with no character that can open or close a marker or a tag.</summary>
    public static string Neutralise(string text) => text.Replace('<', '‹').Replace('>', '›');
}
