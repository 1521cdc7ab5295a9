using Platform.Clients.Imports;
using Xunit;

namespace Platform.Clients.Tests.Imports;

/// <summary>The consent a call list comes with: what it must say before the import records it for each new contact.</summary>
public sealed class ImportConsentTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_consent_to_data_processing_and_calls_with_its_source_is_recorded_as_given()
    {
        var consent = new ImportConsent(["data_processing", "calls"], "  Acme web form, opt-in  ", Now.AddYears(1).ToOffset(TimeSpan.FromHours(2)));

        Assert.Empty(consent.Problems(Now));
        var stored = consent.Normalized();
        Assert.Equal(["data_processing", "calls"], stored.Purposes!);
        Assert.Equal("Acme web form, opt-in", stored.Source);
        Assert.Equal(TimeSpan.Zero, stored.ExpiresAt!.Value.Offset);
        Assert.Equal(Now.AddYears(1), stored.ExpiresAt);
    }

    public static TheoryData<string[]?, string?, int?, string> Refused => new()
    {
        { null, "Vendor list", null, "consent.purposes" },
        { [], "Vendor list", null, "consent.purposes" },
        { ["calls", "marketing"], "Vendor list", null, "consent.purposes" },
        { ["Calls"], "Vendor list", null, "consent.purposes" },
        { ["calls", "calls"], "Vendor list", null, "consent.purposes" },
        { ["calls"], null, null, "consent.source" },
        { ["calls"], "   ", null, "consent.source" },
        { ["calls"], new string('x', 201), null, "consent.source" },
        { ["calls"], "line\nbreak", null, "consent.source" },
        { ["calls"], "Vendor list", 0, "consent.expiresAt" },
        { ["calls"], "Vendor list", -30, "consent.expiresAt" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_consent_that_does_not_say_what_was_agreed_where_or_until_when_is_refused(string[]? purposes, string? source, int? expiresInDays, string field)
    {
        var consent = new ImportConsent(purposes, source, expiresInDays is { } days ? Now.AddDays(days) : null);

        Assert.Equal([field], consent.Problems(Now).Keys);
    }
}
