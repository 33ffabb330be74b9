using System.Security.Cryptography;
using AiGovernance.Core;
using AiGovernance.Worker.Documents;
using Microsoft.AspNetCore.Http.Features;

namespace AiGovernance.Api.Features.Documents;

/// <summary>One PDF from a multipart/form-data request (field <c>file</c>), checked before anything is stored.</summary>
public sealed record DocumentUpload(string FileName, byte[] Content, string Sha256)
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();

    public static async Task<DocumentUpload> ReadAsync(HttpContext http, DocumentOptions options, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !(http.Request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new BadHttpRequestException("Upload the PDF as multipart/form-data with the file in a field named 'file'.",
                StatusCodes.Status415UnsupportedMediaType);
        // The API's general body limit is small; an upload may be as large as the document limit (plus the multipart framing).
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = options.MaxBytes + 64 * 1024;
        if (http.Request.ContentLength > options.MaxBytes + 64 * 1024) throw TooLarge(options);

        var form = await http.Request.ReadFormAsync(ct);
        var files = form.Files.GetFiles("file");
        if (files.Count == 0)
            throw ValidationFailedException.Single("file", form.Files.Count > 0
                ? $"the PDF must be in a field named 'file' (got '{form.Files[0].Name}')" : "is required: a PDF in a multipart field named 'file'");
        if (files.Count > 1) throw ValidationFailedException.Single("file", "upload one document per request");
        var file = files[0];
        if (file.Length == 0) throw ValidationFailedException.Single("file", "is empty");
        if (file.Length > options.MaxBytes) throw TooLarge(options);

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(content, ct);
        // PDF readers accept the header anywhere in the first 1024 bytes.
        if (content.AsSpan(0, Math.Min(content.Length, 1024)).IndexOf(PdfMagic) < 0)
            throw DomainException.Unprocessable("unsupported_document_type",
                $"'{file.FileName}' is not a PDF (it does not start with %PDF-); only PDF documents are accepted.");
        return new DocumentUpload(CleanName(file.FileName), content, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    /// <summary>The file's own name only (no client path), at most 255 characters; never empty.</summary>
    private static string CleanName(string? name)
    {
        var clean = Path.GetFileName((name ?? "").Replace('\\', '/')).Trim();
        clean = new string(clean.Where(c => !char.IsControl(c)).ToArray());
        if (clean.Length == 0) clean = "document.pdf";
        return clean.Length > 255 ? clean[..255] : clean;
    }

    private static BadHttpRequestException TooLarge(DocumentOptions options) =>
        new($"The document exceeds the limit of {options.MaxBytes:N0} bytes (Governance:Documents:MaxBytes).", StatusCodes.Status413PayloadTooLarge);
}
