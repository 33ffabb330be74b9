using System.Text;

namespace AiGovernance.Api.Pages.Admin;

/// <summary>
/// A policy as an administrator hands it over (pasted or as a file), turned into text or a plain-language
/// reason why it cannot be: empty, too large, or not a text file at all. What the text says is the parser's job.
/// </summary>
public static class PolicyInput
{
    /// <summary>The form may carry a bit more than the policy limit, so an oversized policy gets our message, not a bare 413.</summary>
    public const long MaxFormBytes = 4 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public sealed record Result(string? Yaml, string? Error);

    public static async Task<Result> ReadAsync(string? pasted, IFormFile? file, long maxBytes, CancellationToken ct)
    {
        if (file is { Length: > 0 })
        {
            if (file.Length > maxBytes) return TooLarge(file.Length, maxBytes);
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            return FromBytes(buffer.ToArray(), maxBytes, file.FileName);
        }
        if (string.IsNullOrWhiteSpace(pasted))
            return new(null, "Paste the policy YAML or choose a policy file: there is nothing to check.");
        var length = Encoding.UTF8.GetByteCount(pasted);
        return length > maxBytes ? TooLarge(length, maxBytes) : Checked(pasted, "the pasted text");
    }

    public static Result FromBytes(byte[] bytes, long maxBytes, string name)
    {
        if (bytes.Length > maxBytes) return TooLarge(bytes.Length, maxBytes);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return new(null, $"{name} is not a text file (it is not UTF-8). A policy is a YAML text file.");
        }
        return Checked(text.TrimStart('\uFEFF'), name);
    }

    private static Result Checked(string text, string name)
    {
        if (string.IsNullOrWhiteSpace(text)) return new(null, $"{name} is empty: there is nothing to check.");
        // Binary formats (PDF, ZIP, images) often decode as UTF-8 but carry control characters no YAML may hold.
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            return new(null, $"{name} contains control characters, so it is not YAML text. A policy is a YAML text file.");
        // Browsers send form text with CRLF; one line-ending convention keeps the check, the diff and the stored version identical.
        return new(text.ReplaceLineEndings("\n"), null);
    }

    private static Result TooLarge(long length, long max) =>
        new(null, $"The policy is {length:N0} bytes; the limit is {max:N0} bytes (Governance:Api:MaxRequestBodyBytes, as for the API).");
}
