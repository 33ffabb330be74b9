using System.Text.RegularExpressions;
using AiGovernance.Agents.Documents;

namespace AiGovernance.Agents.Summaries;

/// <summary>A model's answer split into cited sentences, plus the pages where it said it found instructions.</summary>
/// <param name="Sentences">Page 0 marks a sentence without a citation.</param>
public sealed record ParsedGeneration(IReadOnlyList<SummarySentence> Sentences, IReadOnlyList<int> InstructionPages);

/// <summary>
/// Reads the answer format <c>prompts/document-summary.yaml</c> asks for: one sentence per line, each
/// ending with "[p. n]", and optionally a last line "INSTRUCTIONS FOUND [p. n]". Lenient about
/// bullets, "[page n]"/"[S. n]" and several cited sentences on one line; strict about citations.
/// </summary>
public static partial class GeneratedSummaryParser
{
    public const string InstructionsMarker = "INSTRUCTIONS FOUND";

    public static ParsedGeneration Parse(string? answer)
    {
        var sentences = new List<SummarySentence>();
        var instructionPages = new List<int>();
        foreach (var rawLine in (answer ?? "").Split('\n'))
        {
            var line = Bullet().Replace(rawLine.Trim(), "");
            if (line.Length == 0 || line.EndsWith(':')) continue; // headings and "Summary:" preambles carry no claim
            if (line.StartsWith(InstructionsMarker, StringComparison.OrdinalIgnoreCase))
            {
                instructionPages.AddRange(Citation().Matches(line).Select(m => int.Parse(m.Groups[1].Value)));
                continue;
            }
            var position = 0;
            foreach (Match citation in Citation().Matches(line))
            {
                AddSentence(sentences, line[position..citation.Index], int.Parse(citation.Groups[1].Value));
                position = citation.Index + citation.Length;
            }
            AddSentence(sentences, line[position..], page: 0);
        }
        return new ParsedGeneration(sentences, instructionPages.Distinct().ToList());
    }

    private static void AddSentence(List<SummarySentence> into, string text, int page)
    {
        var trimmed = text.Trim().TrimStart('.', ',', ';', ' ').Trim();
        if (!trimmed.Any(char.IsLetterOrDigit)) return;
        if (!".!?".Contains(trimmed[^1])) trimmed += ".";
        into.Add(new SummarySentence(trimmed, page));
    }

    [GeneratedRegex(@"\[\s*(?:p|pp|page|s|seite)\.?\s*(\d{1,4})\s*\]", RegexOptions.IgnoreCase)]
    private static partial Regex Citation();

    [GeneratedRegex(@"^(?:[-*•]|\d{1,2}[.)])\s+")]
    private static partial Regex Bullet();
}
