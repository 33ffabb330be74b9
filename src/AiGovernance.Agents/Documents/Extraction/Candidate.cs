namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>A possible value for a field, before the best one is chosen.</summary>
public sealed record Candidate(string Name, string Value, double Confidence, int Page, string Evidence, int LineIndex)
{
    public ExtractedField ToField() => new(Name, Value, Math.Round(Math.Clamp(Confidence, 0, 1), 2), Page, Evidence);

    /// <summary>Highest confidence; on a tie the value that comes first in the document.</summary>
    public static Candidate? Best(IEnumerable<Candidate> candidates) =>
        candidates.OrderByDescending(c => Math.Round(c.Confidence, 3)).ThenBy(c => c.LineIndex).FirstOrDefault();
}
