using System.Text;
using Platform.Queue.Telephony.Signing;
using Xunit;

namespace Platform.Queue.Tests.Telephony;

public sealed class PbxNonceSignatureTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_796_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"callerNumber":"+420601000111"}""");
    private const string Nonce = "6f1c2e0a-3b4d-4c5e-8f90-a1b2c3d4e5f6";

    private static string? Refusal(string signature, string? nonce) =>
        PbxSignature.Refusal("1796000000", signature, Body, ["s3cret"], Now, TimeSpan.FromSeconds(300), nonce);

    [Fact]
    public void With_a_nonce_the_hmac_covers_the_timestamp_the_nonce_and_the_body()
    {
        var expected = "v1=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes("s3cret"), Encoding.UTF8.GetBytes($"1796000000.{Nonce}.{Encoding.UTF8.GetString(Body)}")));
        Assert.Equal(expected, PbxSignature.Sign("s3cret", 1_796_000_000, Body, Nonce));
        Assert.Null(Refusal(expected, Nonce));
    }

    [Fact]
    public void A_nonce_added_to_or_stripped_from_a_signed_request_breaks_the_signature()
    {
        Assert.Contains("matches none", Refusal(PbxSignature.Sign("s3cret", 1_796_000_000, Body), Nonce));
        Assert.Contains("matches none", Refusal(PbxSignature.Sign("s3cret", 1_796_000_000, Body, Nonce), null));
        Assert.Contains("matches none", Refusal(PbxSignature.Sign("s3cret", 1_796_000_000, Body, Nonce), Nonce.Replace('6', '7')));
    }

    [Theory]
    [InlineData("too-short")]
    [InlineData("has spaces in it, sixteen+")]
    [InlineData("a/slash/is/not/allowed/here")]
    public void A_nonce_that_is_not_16_to_128_plain_characters_is_refused(string nonce) =>
        Assert.Contains("X-Pbx-Nonce must be", Refusal(PbxSignature.Sign("s3cret", 1_796_000_000, Body, nonce), nonce));

    [Fact]
    public void A_nonce_is_remembered_until_the_end_of_its_requests_window() =>
        Assert.Equal(Now, PbxSignature.SignedAt("1796000000"));
}
