using System.Text;

namespace Platform.Clients.Contacts;

/// <summary>
/// Where a page of a contact search ended (the last card's name and id, the list's order), as an opaque token: the next
/// page starts after it, so pages neither skip nor repeat a contact when others are added meanwhile.
/// </summary>
public static class SearchCursor
{
    public sealed record Position(string Name, Guid Id);

    public static string Write(string name, Guid id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id:N}{name}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static Position? Read(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=')));
            return text.Length >= 32 && Guid.TryParseExact(text[..32], "N", out var id) ? new Position(text[32..], id) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
