using Platform.Clients.Privacy;
using Xunit;

namespace Platform.Clients.Tests.Privacy;

public sealed class DoNotCallListTests
{
    private static readonly Guid Tenant = Guid.Parse("0190f2a1-0000-7000-8000-000000000001");
    private static readonly DoNotCallList List = new(new DoNotCallOptions { HashKey = "a-test-key-of-at-least-32-characters!!" });

    [Fact]
    public void The_same_number_in_the_same_call_center_hashes_the_same()
    {
        Assert.Equal(List.Hash(Tenant, "+420777123456"), List.Hash(Tenant, "+420777123456"));
    }

    [Fact]
    public void The_hash_does_not_hold_the_number()
    {
        var hash = List.Hash(Tenant, "+420777123456");

        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain("777123456", hash);
    }

    [Fact]
    public void Another_call_center_or_another_key_gives_another_hash()
    {
        var other = new DoNotCallList(new DoNotCallOptions { HashKey = "another-test-key-of-at-least-32-chars!" });

        Assert.NotEqual(List.Hash(Tenant, "+420777123456"), List.Hash(Guid.NewGuid(), "+420777123456"));
        Assert.NotEqual(List.Hash(Tenant, "+420777123456"), other.Hash(Tenant, "+420777123456"));
        Assert.NotEqual(List.Hash(Tenant, "+420777123456"), List.Hash(Tenant, "+420777123457"));
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new DoNotCallList(new DoNotCallOptions { HashKey = "short" }));
    }
}
