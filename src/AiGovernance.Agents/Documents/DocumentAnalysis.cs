namespace AiGovernance.Agents.Documents;

/// <summary>Everything read from one file: the pages, the fields, text addressed to an AI, and the summary.</summary>
/// <param name="Summary">Null when the document could not be read.</param>
public sealed record DocumentAnalysis(ReadDocument Read, DocumentFields Fields, IReadOnlyList<InjectionFinding> Injections, DocumentSummary? Summary);

/// <summary>Reads, extracts, scans and summarizes one file; never throws for a bad file (see <see cref="ReadDocument.Status"/>).</summary>
public interface IDocumentAnalyzer
{
    Task<DocumentAnalysis> AnalyzeAsync(byte[] content, DocumentReadOptions options, CancellationToken ct);
}
