namespace Platform.Clients.Companies;

/// <summary>A client company's name: 1 to 200 printable characters, trimmed; unique in the call center regardless of case.</summary>
public static class ClientCompanyName
{
    public const int MaxLength = 200;

    public static (string? Name, string? Problem) Read(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return (null, "A client company needs a name.");
        }
        if (trimmed.Length > MaxLength || trimmed.Any(char.IsControl))
        {
            return (null, $"At most {MaxLength} printable characters.");
        }
        return (trimmed, null);
    }
}
