using System.Security.Cryptography;
using FsCheck.Xunit;
using Platform.Queue.Telephony.Signing;
using Xunit;

namespace Platform.Queue.Tests.Telephony;

public sealed class PbxSecretProtectorTests
{
    private const string KeyA = "4f0c1e8a9b2d7c6e5a4b3c2d1e0f9a8b7c6d";
    private const string KeyB = "b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0";
    private static readonly Guid Tenant = Guid.Parse("0b7f3c1e-5d2a-4e8b-9c6f-1a2b3c4d5e6f");

    private static PbxSecretProtector With(string current, bool production = true, params (string Id, string Key)[] keys) =>
        new(new PbxSecretOptions { CurrentKeyId = current, Keys = keys.ToDictionary(k => k.Id, k => k.Key) }, production);

    [Property]
    public bool A_sealed_secret_opens_to_itself_and_never_shows_it(Guid tenant, string secret)
    {
        secret ??= "";
        var protector = With("a", keys: ("a", KeyA));
        var stored = protector.Protect(tenant, secret);
        return protector.Unprotect(tenant, stored) == secret && stored.StartsWith("enc:v1:a:", StringComparison.Ordinal)
            && (secret.Length < 4 || !stored.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_secret_seals_differently_each_time()
    {
        var protector = With("a", keys: ("a", KeyA));
        Assert.NotEqual(protector.Protect(Tenant, "q3Jx-secret"), protector.Protect(Tenant, "q3Jx-secret"));
    }

    [Fact]
    public void A_sealed_value_copied_to_another_tenant_or_altered_does_not_open()
    {
        var protector = With("a", keys: ("a", KeyA));
        var stored = protector.Protect(Tenant, "q3Jx-secret");
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(Guid.NewGuid(), stored));
        var bytes = Convert.FromBase64String(stored["enc:v1:a:".Length..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(Tenant, "enc:v1:a:" + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void After_a_key_rotation_old_rows_open_with_the_retired_key_and_are_marked_for_resealing()
    {
        var before = With("a", keys: ("a", KeyA));
        var old = before.Protect(Tenant, "q3Jx-secret");
        var after = With("b", keys: [("a", KeyA), ("b", KeyB)]);

        Assert.Equal("q3Jx-secret", after.Unprotect(Tenant, old));
        Assert.True(after.NeedsRewrap(old));
        Assert.False(after.NeedsRewrap(after.Protect(Tenant, "q3Jx-secret")));
        Assert.ThrowsAny<CryptographicException>(() => With("b", keys: ("b", KeyB)).Unprotect(Tenant, old)); // the retired key was dropped too soon
    }

    [Fact]
    public void A_secret_stored_before_encryption_is_read_as_it_is_and_marked_for_sealing()
    {
        var protector = With("a", keys: ("a", KeyA));
        Assert.Equal("plain-older-secret", protector.Unprotect(Tenant, "plain-older-secret"));
        Assert.True(protector.NeedsRewrap("plain-older-secret"));
    }

    [Fact]
    public void Production_refuses_to_start_without_a_real_key()
    {
        Assert.Throws<InvalidOperationException>(() => With(PbxSecretOptions.DevelopmentKeyId));
        Assert.Throws<InvalidOperationException>(() => With("k1", keys: ("k1", PbxSecretOptions.DevelopmentKey)));
        Assert.Throws<InvalidOperationException>(() => With("k1", keys: ("k2", KeyA)));
        Assert.Throws<InvalidOperationException>(() => With("k1", keys: ("k1", "CHANGE-ME-0123456789abcdef0123456789abcdef")));
        Assert.Throws<InvalidOperationException>(() => With("k1", keys: ("k1", "too-short-for-a-key")));
        Assert.Equal("dev", With(PbxSecretOptions.DevelopmentKeyId, production: false).CurrentKeyId); // development: the built-in key
    }
}
