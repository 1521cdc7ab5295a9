using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Platform.Queue.Telephony.Signing;
using Xunit;

namespace Platform.Queue.Tests.Telephony;

public sealed class PbxSignatureTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_796_000_000);
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(300);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"callerNumber":"+420601000111"}""");

    private static string? Refusal(string signature, long at, string[] secrets, byte[]? body = null) =>
        PbxSignature.Refusal(at.ToString(System.Globalization.CultureInfo.InvariantCulture), signature, body ?? Body, secrets, Now, Tolerance);

    [Fact]
    public void The_signature_is_hmac_sha256_of_the_timestamp_a_dot_and_the_body_in_lowercase_hex()
    {
        var expected = "v1=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes("Jefe"), Encoding.UTF8.GetBytes("1796000000.what do ya want for nothing?")));
        Assert.Equal(expected, PbxSignature.Sign("Jefe", 1_796_000_000, Encoding.UTF8.GetBytes("what do ya want for nothing?")));
        Assert.Equal(3 + 64, expected.Length);
    }

    [Fact]
    public void A_signature_at_the_edge_of_the_window_passes_and_one_second_beyond_is_refused()
    {
        var edge = Now.ToUnixTimeSeconds() - 300;
        Assert.Null(Refusal(PbxSignature.Sign("s", edge, Body), edge, ["s"]));
        Assert.Contains("more than 300 seconds", Refusal(PbxSignature.Sign("s", edge - 1, Body), edge - 1, ["s"]));
        Assert.Contains("more than 300 seconds", Refusal(PbxSignature.Sign("s", edge + 601, Body), edge + 601, ["s"]));
    }

    [Fact]
    public void Either_secret_in_force_is_accepted_and_no_other()
    {
        var at = Now.ToUnixTimeSeconds();
        Assert.Null(Refusal(PbxSignature.Sign("old", at, Body), at, ["new", "old"]));
        Assert.Null(Refusal(PbxSignature.Sign("new", at, Body), at, ["new", "old"]));
        Assert.Contains("matches none", Refusal(PbxSignature.Sign("old", at, Body), at, ["new"]));
    }

    [Fact]
    public void Missing_headers_and_a_timestamp_that_is_not_whole_seconds_are_refused_with_the_reason()
    {
        Assert.Contains("not signed", PbxSignature.Refusal(null, "v1=00", Body, ["s"], Now, Tolerance));
        Assert.Contains("not signed", PbxSignature.Refusal("1", null, Body, ["s"], Now, Tolerance));
        Assert.Contains("whole seconds", PbxSignature.Refusal("-5", "v1=00", Body, ["s"], Now, Tolerance));
        Assert.Contains("whole seconds", PbxSignature.Refusal("1796000000.5", "v1=00", Body, ["s"], Now, Tolerance));
    }

    [Fact]
    public void The_secrets_of_the_previous_settings_expire_at_their_time()
    {
        var settings = new SigningSecrets.Settings("new", "old", Now.UtcDateTime.AddSeconds(1), Required: true);
        Assert.Equal(["new", "old"], settings.InForce(Now));
        Assert.Equal(["new"], settings.InForce(Now.AddSeconds(1)));
        Assert.Equal(["new"], (settings with { PreviousValidUntil = null }).InForce(Now));
    }

    [Property(MaxTest = 200)]
    public void Changing_any_byte_of_the_body_breaks_the_signature(NonEmptyString text, PositiveInt position, byte flip)
    {
        var body = Encoding.UTF8.GetBytes(text.Get);
        var at = Now.ToUnixTimeSeconds();
        var signature = PbxSignature.Sign("secret", at, body);
        var tampered = (byte[])body.Clone();
        tampered[position.Get % tampered.Length] ^= (byte)(flip | 1);
        Assert.Null(Refusal(signature, at, ["secret"], body));
        Assert.Contains("matches none", Refusal(signature, at, ["secret"], tampered));
    }
}
