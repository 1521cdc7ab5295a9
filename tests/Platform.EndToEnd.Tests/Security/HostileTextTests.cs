using System.Net;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Security;

/// <summary>
/// Free text is text: a company may well be called "O'Brien &amp; Sons". SQL- and script-like names are stored and
/// returned exactly as given (parameterised SQL, JSON-escaped output, pages told not to sniff), never refused.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class HostileTextTests(PlatformUnderTest platform)
{
    [Theory]
    [InlineData(BadInputCorpus.SqlLike)]
    [InlineData(BadInputCorpus.ScriptLike)]
    [InlineData("O'Brien & Sons \"Hotline\" \\ ; --")]
    public async Task Hostile_looking_free_text_is_stored_verbatim(string name)
    {
        var tenant = await platform.CreateTenantAsync();

        var created = await tenant.Admin.PostAsync("/api/clients/projects",
            Samples.Json(new { name, direction = "inbound", timeZone = "UTC" }));
        var projectId = await created.CreatedIdAsync();

        var project = await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}");
        Assert.Equal(HttpStatusCode.OK, project.StatusCode);
        Assert.Equal(name, (await project.JsonAsync()).GetProperty("name").GetString());
        Assert.Equal("nosniff", Assert.Single(project.Headers.GetValues("X-Content-Type-Options")));
        Assert.Single((await (await tenant.Admin.GetAsync("/api/clients/projects")).JsonAsync()).EnumerateArray());
    }
}
