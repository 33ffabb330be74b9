namespace AiGovernance.Agents.Documents;

/// <summary>
/// How reading a file went. Every failure has its own status so a reviewer (and the API) can say
/// precisely why a document has no fields, instead of showing an empty page.
/// </summary>
public enum DocumentReadStatus
{
    Ok,
    /// <summary>Password-protected or otherwise encrypted.</summary>
    Encrypted,
    /// <summary>Not a PDF, truncated, or structurally broken.</summary>
    Corrupt,
    /// <summary>A valid PDF with no pages, or pages without any content.</summary>
    Empty,
    /// <summary>Pages are images only: "no text layer; OCR is not available".</summary>
    NoTextLayer,
    /// <summary>Text exists but its fonts cannot be decoded into readable characters.</summary>
    UndecodableFont,
    /// <summary>Reading took longer than the per-document timeout.</summary>
    Timeout,
    /// <summary>More pages (or bytes) than the configured limit.</summary>
    TooLarge,
}
