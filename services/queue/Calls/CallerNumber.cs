using PhoneNumbers;

namespace Platform.Queue;

/// <summary>
/// Numbers as the PBX reports them, in international form; parsed by libphonenumber into E.164 so a caller
/// matches the CRM's contacts however the trunk formats it (+420 601 123 456, +420601123456).
/// </summary>
public static class CallerNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static (string? Number, string? Problem) Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 40)
        {
            return (null, "A phone number in international form (+420…) is required.");
        }
        try
        {
            var number = Util.Parse(raw, null);
            return Util.IsPossibleNumber(number)
                ? (Util.Format(number, PhoneNumberFormat.E164), null)
                : (null, "Not a possible phone number.");
        }
        catch (NumberParseException e)
        {
            return (null, $"Not a phone number in international form ({e.ErrorType}).");
        }
    }
}
