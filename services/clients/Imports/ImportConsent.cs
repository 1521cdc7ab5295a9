using Platform.Clients.Consent;

namespace Platform.Clients.Imports;

/// <summary>
/// The consent a call list came with (the list's vendor or the client company's own web form had each person agree): given
/// with the upload, recorded for every contact the import creates, so a campaign can dial a bought or exported list without
/// someone entering each consent by hand. A number already in the project keeps its own consent ledger untouched.
/// </summary>
/// <param name="Purposes">What the people consented to: data_processing, calls, recording (a campaign dials a contact with both of the first two).</param>
/// <param name="Source">Where the word was given (the vendor and its list, the web form): kept on every consent record.</param>
/// <param name="ExpiresAt">When the consent lapses (a bought list's licence), or never.</param>
public sealed record ImportConsent(string[]? Purposes, string? Source, DateTimeOffset? ExpiresAt)
{
    /// <summary>The problems of this consent by field (empty when it can be recorded), as of <paramref name="now"/>.</summary>
    public Dictionary<string, string[]> Problems(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var names = string.Join(", ", Enum.GetValues<ConsentPurpose>().Select(SnakeCase.Of));
        if (Purposes is not { Length: > 0 } purposes)
        {
            errors["consent.purposes"] = [$"At least one of {names}."];
        }
        else if (purposes.Any(p => !SnakeCase.TryParse<ConsentPurpose>(p, out _)))
        {
            errors["consent.purposes"] = [$"Each one of {names}."];
        }
        else if (purposes.Distinct(StringComparer.Ordinal).Count() != purposes.Length)
        {
            errors["consent.purposes"] = ["Each purpose once."];
        }
        if (ShortText.Read(Source) is null)
        {
            errors["consent.source"] = ["Where the people gave their word (the list's vendor, the web form): 1 to 200 printable characters."];
        }
        if (ExpiresAt is { } expires && expires <= now)
        {
            errors["consent.expiresAt"] = ["An expiry lies in the future."];
        }
        return errors;
    }

    /// <summary>The consent as stored (after <see cref="Problems"/> found none: the purposes are already their canonical names): the source trimmed, the expiry in UTC.</summary>
    public ImportConsent Normalized() => this with { Source = ShortText.Read(Source), ExpiresAt = ExpiresAt?.ToUniversalTime() };
}
