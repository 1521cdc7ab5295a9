using System.Text.Json;

namespace Platform.Scripts.Tests.Support;

/// <summary>One file of the corpus of broken scripts (BrokenScripts/*.json): why it is broken, the errors expected, the script.</summary>
public sealed record BrokenScript(string Name, string Why, IReadOnlyList<(string? Step, string Code)> Expected, JsonElement Script)
{
    public static IEnumerable<BrokenScript> All() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "BrokenScripts"), "*.json").Order().Select(Load);

    public static BrokenScript Load(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var root = json.RootElement;
        var expected = root.GetProperty("expect").EnumerateArray()
            .Select(e => (e.TryGetProperty("step", out var s) ? s.GetString() : null, e.GetProperty("code").GetString()!))
            .ToList();
        return new BrokenScript(Path.GetFileNameWithoutExtension(file), root.GetProperty("why").GetString()!, expected, root.GetProperty("script").Clone());
    }

    /// <summary>What reading and validating the script finds.</summary>
    public IReadOnlyList<ScriptError> Errors()
    {
        var (script, malformed) = ScriptJson.Read(Script);
        return malformed is not null ? [malformed] : ScriptValidator.Validate(script!);
    }

    public override string ToString() => Name;
}
