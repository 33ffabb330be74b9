using AiGovernance.Agents.Summaries;

namespace AiGovernance.Agents.Documents;

/// <summary>
/// The document pipeline: read the PDF (PdfPig), extract fields, scan for text addressed to an AI, summarize.
/// With a generative provider the summary comes from the model and is grounding-checked (falling back to
/// the extractive one); offline it is extractive. Unreadable files still get a summary saying why.
/// </summary>
public sealed class DocumentAnalyzer(ExtractiveSummarizer extractive, GenerativeSummarizer? generative = null) : IDocumentAnalyzer
{
    public async Task<DocumentAnalysis> AnalyzeAsync(byte[] content, DocumentReadOptions options, CancellationToken ct)
    {
        var read = await PdfDocumentReader.ReadAsync(content, options, ct);
        var fields = read.IsReadable ? FieldExtractor.Extract(read) : DocumentFields.None;
        var injections = read.IsReadable ? InjectionScanner.Scan(read) : [];
        var summary = generative is not null
            ? await generative.SummarizeAsync(read, fields, injections, ct)
            : await extractive.SummarizeAsync(read, fields, injections, ct);
        return new DocumentAnalysis(read, fields, injections, summary);
    }
}
