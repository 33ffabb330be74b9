using System.Globalization;
using System.Text;
using AiGovernance.Core.Integration;
using static AiGovernance.Core.Integration.WebhookSignature;

namespace AiGovernance.Core.Tests.Integration;

public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"evt-1","type":"requisition.created"}""");

    [Fact]
    public void The_signature_is_hmac_sha256_over_timestamp_dot_body_in_lower_hex()
    {
        // Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
        var signature = Sign("secret", 1_700_000_000, """{"a":1}"""u8);

        Assert.Equal("v1=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686", signature);
        Assert.Matches("^v1=[0-9a-f]{64}$", signature);
    }

    [Fact]
    public void A_fresh_signature_with_the_active_secret_is_valid()
    {
        var ts = Now.ToUnixTimeSeconds();

        Assert.Equal(Verdict.Valid, Verify(["s1"], Ts(ts), Sign("s1", ts, Body), Body, Now, Tolerance));
    }

    [Theory]
    [InlineData(300, Verdict.Valid)]
    [InlineData(-300, Verdict.Valid)]
    [InlineData(301, Verdict.StaleTimestamp)]
    [InlineData(-301, Verdict.StaleTimestamp)]
    [InlineData(86_400, Verdict.StaleTimestamp)]
    public void The_timestamp_must_be_within_the_tolerance_in_both_directions(int secondsOld, Verdict expected)
    {
        var ts = Now.ToUnixTimeSeconds() - secondsOld;

        Assert.Equal(expected, Verify(["s1"], Ts(ts), Sign("s1", ts, Body), Body, Now, Tolerance));
    }

    [Fact]
    public void During_rotation_either_active_secret_verifies()
    {
        var ts = Now.ToUnixTimeSeconds();

        Assert.Equal(Verdict.Valid, Verify(["old", "new"], Ts(ts), Sign("old", ts, Body), Body, Now, Tolerance));
        Assert.Equal(Verdict.Valid, Verify(["old", "new"], Ts(ts), Sign("new", ts, Body), Body, Now, Tolerance));
        Assert.Equal(Verdict.BadSignature, Verify(["new"], Ts(ts), Sign("old", ts, Body), Body, Now, Tolerance));
    }

    [Fact]
    public void No_active_secret_means_nothing_verifies()
    {
        var ts = Now.ToUnixTimeSeconds();

        Assert.Equal(Verdict.BadSignature, Verify([], Ts(ts), Sign("s1", ts, Body), Body, Now, Tolerance));
    }

    [Fact]
    public void A_changed_body_or_a_changed_timestamp_breaks_the_signature()
    {
        var ts = Now.ToUnixTimeSeconds();
        var signature = Sign("s1", ts, Body);
        var changed = Encoding.UTF8.GetBytes("""{"id":"evt-2","type":"requisition.created"}""");

        Assert.Equal(Verdict.BadSignature, Verify(["s1"], Ts(ts), signature, changed, Now, Tolerance));
        Assert.Equal(Verdict.BadSignature, Verify(["s1"], Ts(ts - 1), signature, Body, Now, Tolerance));
    }

    [Theory]
    [InlineData(null, "v1=abc", Verdict.MissingHeaders)]
    [InlineData("1700000000", null, Verdict.MissingHeaders)]
    [InlineData("", "v1=abc", Verdict.MissingHeaders)]
    [InlineData("yesterday", "v1=abc", Verdict.MalformedTimestamp)]
    [InlineData("-5", "v1=abc", Verdict.MalformedTimestamp)]
    [InlineData("1.5", "v1=abc", Verdict.MalformedTimestamp)]
    public void Missing_or_malformed_headers_are_refused(string? timestamp, string? signature, Verdict expected)
    {
        Assert.Equal(expected, Verify(["s1"], timestamp, signature, Body, Now, Tolerance));
    }

    [Theory]
    [InlineData("v1=")]
    [InlineData("v2={0}")]
    [InlineData("{0}")]
    [InlineData("v1={0}00")]
    [InlineData("v1=ZZZZ")]
    public void Malformed_signatures_are_bad_signatures(string format)
    {
        var ts = Now.ToUnixTimeSeconds();
        var hex = Sign("s1", ts, Body)[Scheme.Length..];

        Assert.Equal(Verdict.BadSignature,
            Verify(["s1"], Ts(ts), string.Format(CultureInfo.InvariantCulture, format, hex), Body, Now, Tolerance));
    }

    [Fact]
    public void The_hex_comparison_is_exact_so_upper_case_is_not_accepted()
    {
        var ts = Now.ToUnixTimeSeconds();
        var upper = Scheme + Sign("s1", ts, Body)[Scheme.Length..].ToUpperInvariant();

        Assert.Equal(Verdict.BadSignature, Verify(["s1"], Ts(ts), upper, Body, Now, Tolerance));
    }

    private static string Ts(long unix) => unix.ToString(CultureInfo.InvariantCulture);
}
