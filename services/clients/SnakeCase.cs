using System.Text.Json;

namespace Platform.Clients;

/// <summary>Enum values as the API and the database write them: <c>MeetingSet</c> is <c>meeting_set</c>.</summary>
public static class SnakeCase
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = Enum.GetValues<T>().FirstOrDefault(v => Of(v) == text, (T)(object)(-1));
        return Enum.IsDefined(value);
    }
}
