using System.Text.RegularExpressions;
using Xunit;

namespace Platform.Web.Tests.Locales;

/// <summary>
/// Every string the app shows comes from web/src/locales/en.ts (the pages call <c>t(key)</c>, typed by its keys); each other
/// language must translate every one of them, and name no key English does not have. (The type check of `npm run build`
/// refuses a missing key too; this says which.)
/// </summary>
public sealed partial class TranslationTests
{
    public static TheoryData<string> Languages => new() { "hu", "cs", "ro", "ru" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_English_string_is_translated_and_no_other_key_exists(string language)
    {
        var english = Entries("en");
        var translated = Entries(language);

        var missing = english.Keys.Except(translated.Keys).ToList();
        var unknown = translated.Keys.Except(english.Keys).ToList();
        var empty = translated.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key).ToList();
        Assert.True(missing.Count == 0, $"{language}.ts lacks {missing.Count} keys: {string.Join(", ", missing)}");
        Assert.True(unknown.Count == 0, $"{language}.ts has keys en.ts does not: {string.Join(", ", unknown)}");
        Assert.True(empty.Count == 0, $"{language}.ts leaves empty: {string.Join(", ", empty)}");
    }

    [Fact]
    public void The_English_source_has_the_strings_the_pages_use()
    {
        var english = Entries("en");
        Assert.True(english.Count > 200, $"only {english.Count} entries read from en.ts: the reader no longer understands the file");
        Assert.Equal("Record and finish wrap-up", english["outcome.saveAndFinish"]);
    }

    /// <summary>The file's <c>key: "text"</c> entries (keys bare or quoted).</summary>
    private static Dictionary<string, string> Entries(string language)
    {
        var text = File.ReadAllText(Path.Combine(WebAppBuild.Source, "src", "locales", $"{language}.ts"));
        var body = text[(text.IndexOf('{') + 1)..text.LastIndexOf('}')];
        var entries = new Dictionary<string, string>();
        foreach (Match m in Entry().Matches(body))
        {
            var key = m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["bare"].Value;
            Assert.True(entries.TryAdd(key, Regex.Unescape(m.Groups["value"].Value)) || language == "en",
                $"{language}.ts names {key} twice");
        }
        return entries;
    }

    [GeneratedRegex("""(?:"(?<quoted>[^"]+)"|(?<bare>[A-Za-z_][A-Za-z0-9_]*))\s*:\s*"(?<value>(?:[^"\\]|\\.)*)"\s*,?""")]
    private static partial Regex Entry();
}
