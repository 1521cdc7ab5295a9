using System.Net;
using System.Text.Json;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Scripts;

/// <summary>
/// The corpus of broken scripts (tests/Platform.Scripts.Tests/BrokenScripts) through the gateway: an import is refused
/// with 422 listing the expected errors; as a draft, a script either cannot be saved or cannot be published; nothing is
/// published either way.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BrokenScriptsTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task Every_broken_script_is_refused_with_its_errors_and_nothing_is_published()
    {
        var world = await ScriptsWorld.CreateAsync(platform);
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "BrokenScripts"), "*.json").Order().ToList();
        Assert.True(files.Count >= 20, $"the corpus has {files.Count} scripts");
        var wrong = new List<string>();

        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            using var corpus = JsonDocument.Parse(await File.ReadAllTextAsync(file));
            var script = corpus.RootElement.GetProperty("script").GetRawText();
            var expected = corpus.RootElement.GetProperty("expect").EnumerateArray()
                .Select(e => (Step: e.TryGetProperty("step", out var s) ? s.GetString() : null, Code: e.GetProperty("code").GetString()!)).ToList();

            var import = await world.Admin.PostAsync($"/api/scripts/projects/{world.ProjectId}/scripts/import", Json(script));
            var reported = import.StatusCode == HttpStatusCode.UnprocessableEntity
                ? (await import.JsonAsync()).GetProperty("scriptErrors").EnumerateArray()
                    .Select(e => (Step: e.GetProperty("stepId").GetString(), Code: e.GetProperty("code").GetString()!)).ToList()
                : [];
            if (import.StatusCode != HttpStatusCode.UnprocessableEntity || import.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                wrong.Add($"{name}: import answered {(int)import.StatusCode}");
            }
            wrong.AddRange(expected.Except(reported).Select(e => $"{name}: {e.Code} on {e.Step ?? "the script"} not reported"));

            var draft = await world.Admin.PostAsync($"/api/scripts/projects/{world.ProjectId}/scripts", Json(script));
            if (draft.StatusCode == HttpStatusCode.Created)
            {
                var scriptId = await draft.CreatedIdAsync();
                var publish = await world.Admin.PostAsync($"/api/scripts/scripts/{scriptId}/publish", null);
                if (publish.StatusCode != HttpStatusCode.UnprocessableEntity)
                {
                    wrong.Add($"{name}: publishing the draft answered {(int)publish.StatusCode}");
                }
            }
            else if (draft.StatusCode != HttpStatusCode.UnprocessableEntity)
            {
                wrong.Add($"{name}: saving as a draft answered {(int)draft.StatusCode}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.Equal(HttpStatusCode.NotFound, (await world.Admin.GetAsync($"/api/scripts/projects/{world.ProjectId}/active-script")).StatusCode);
        var scripts = await (await world.Admin.GetAsync($"/api/scripts/projects/{world.ProjectId}/scripts")).JsonAsync();
        Assert.All(scripts.EnumerateArray(), s => Assert.Equal(0, s.GetProperty("latestVersion").GetInt32()));
    }

    [Theory]
    [InlineData("""{"name": "x", "steps": [ """)]
    [InlineData("""{"name": 'x'}""")]
    [InlineData("")]
    public async Task Malformed_json_is_a_422_saying_where_reading_stopped_and_nothing_is_saved(string body)
    {
        var world = await ScriptsWorld.CreateAsync(platform);

        var response = await world.Admin.PostAsync($"/api/scripts/projects/{world.ProjectId}/scripts", Json(body));
        var problem = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("malformed", problem.GetProperty("scriptErrors")[0].GetProperty("code").GetString());
        Assert.Contains("not valid JSON", problem.GetProperty("errors").GetProperty("script")[0].GetString());
        Assert.Equal(0, (await (await world.Admin.GetAsync($"/api/scripts/projects/{world.ProjectId}/scripts")).JsonAsync()).GetArrayLength());
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
