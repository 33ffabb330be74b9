using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AiGovernance.Core.Integration;

/// <summary>
/// Webhook signatures, both directions: HMAC-SHA256 over "{unix timestamp}.{raw body}", sent as
/// <c>X-AiGov-Timestamp</c> and <c>X-AiGov-Signature: v1=&lt;hex&gt;</c>. Verification accepts any of
/// the active secrets (two during a rotation), compares in constant time and enforces a tolerance
/// window on the timestamp so a captured request cannot be replayed later.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-AiGov-Timestamp";
    public const string SignatureHeader = "X-AiGov-Signature";
    public const string Scheme = "v1=";

    public static string Sign(string secret, long unixTimestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(unixTimestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    public enum Verdict
    {
        Valid,
        MissingHeaders,
        MalformedTimestamp,
        StaleTimestamp,
        BadSignature,
    }

    public static Verdict Verify(IReadOnlyCollection<string> activeSecrets, string? timestampHeader, string? signatureHeader,
        ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(timestampHeader) || string.IsNullOrEmpty(signatureHeader)) return Verdict.MissingHeaders;
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var ts)) return Verdict.MalformedTimestamp;
        if (Math.Abs(now.ToUnixTimeSeconds() - ts) > tolerance.TotalSeconds) return Verdict.StaleTimestamp;
        var presented = Encoding.ASCII.GetBytes(signatureHeader.Trim());
        var valid = false;
        // Check every secret (no early exit), so timing does not reveal which secret matched.
        foreach (var secret in activeSecrets)
            valid |= CryptographicOperations.FixedTimeEquals(presented, Encoding.ASCII.GetBytes(Sign(secret, ts, body)));
        return valid ? Verdict.Valid : Verdict.BadSignature;
    }
}
