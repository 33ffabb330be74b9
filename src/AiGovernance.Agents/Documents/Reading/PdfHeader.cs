namespace AiGovernance.Agents.Documents.Reading;

/// <summary>The "%PDF-" marker; readers tolerate up to 1 KiB of junk before it, so do we.</summary>
internal static class PdfHeader
{
    private static ReadOnlySpan<byte> Marker => "%PDF-"u8;

    public static bool LooksLikePdf(byte[] bytes) =>
        bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf(Marker) >= 0;
}
