using System.Net;
using System.Net.Http.Json;
using Dapper;
using Npgsql;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Scripts;

/// <summary>Writing scripts through the gateway: drafts, validation, immutable published versions, copies, import and export.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ScriptAuthoringTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_draft_is_validated_published_as_version_1_and_becomes_the_projects_active_script()
    {
        var world = await ScriptsWorld.CreateAsync(platform);
        var scriptId = await world.CreateScriptAsync();

        var validated = await world.Admin.PostAsync($"/api/scripts/scripts/{scriptId}/validate", null);
        var version = await world.PublishAsync(scriptId);

        Assert.Equal(HttpStatusCode.OK, validated.StatusCode);
        Assert.Equal(1, version);
        var active = await (await world.Admin.GetAsync($"/api/scripts/projects/{world.ProjectId}/active-script")).JsonAsync();
        Assert.Equal(scriptId, active.GetProperty("scriptId").GetGuid());
        Assert.Equal(10, active.GetProperty("document").GetProperty("steps").GetArrayLength());
        var list = await (await world.Admin.GetAsync($"/api/scripts/projects/{world.ProjectId}/scripts")).JsonAsync();
        Assert.True(list[0].GetProperty("active").GetBoolean());
        Assert.Equal(1, list[0].GetProperty("latestVersion").GetInt32());
    }

    [Fact]
    public async Task A_published_version_is_immutable_and_a_changed_draft_publishes_as_the_next_version()
    {
        var world = await ScriptsWorld.CreateAsync(platform);
        var scriptId = await world.PublishedScriptAsync();
        var v1 = await (await world.Admin.GetAsync($"/api/scripts/scripts/{scriptId}/versions/1")).JsonAsync();

        var updated = await world.Admin.PutAsJsonAsync($"/api/scripts/scripts/{scriptId}", ScriptsWorld.SalesCall(greeting: "Good morning {{contact.name}}."));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(2, await world.PublishAsync(scriptId));
        Assert.Equal(2, await world.PublishAsync(scriptId)); // the same draft again: no new version

        var v1After = await (await world.Admin.GetAsync($"/api/scripts/scripts/{scriptId}/versions/1")).JsonAsync();
        Assert.Equal(v1.GetProperty("document").GetRawText(), v1After.GetProperty("document").GetRawText());
        Assert.Equal(v1.GetProperty("publishedAt").GetRawText(), v1After.GetProperty("publishedAt").GetRawText());
        Assert.Contains("Hello {{contact.name}}", v1After.GetProperty("document").GetRawText());
        Assert.False(v1After.GetProperty("active").GetBoolean());
        var versions = await (await world.Admin.GetAsync($"/api/scripts/scripts/{scriptId}/versions")).JsonAsync();
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal([true, false], versions.EnumerateArray().Select(v => v.GetProperty("active").GetBoolean()));

        // Not even the database lets a published version change.
        await using var db = platform.Database("scripts");
        var change = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync(
            "UPDATE script_versions SET document = '{}' WHERE tenant_id = @Id AND script_id = @scriptId", new { world.Tenant.Id, scriptId }));
        Assert.Contains("immutable", change.MessageText);
    }

    [Fact]
    public async Task An_edit_or_a_publish_naming_a_revision_another_author_has_replaced_is_refused()
    {
        var world = await ScriptsWorld.CreateAsync(platform);
        var scriptId = await world.CreateScriptAsync();
        var read = await world.Admin.GetAsync($"/api/scripts/scripts/{scriptId}");
        var etag = read.Headers.ETag!.Tag;

        var first = await Put(world, scriptId, etag, ScriptsWorld.SalesCall(greeting: "First author's greeting."));
        var second = await Put(world, scriptId, etag, ScriptsWorld.SalesCall(greeting: "Second author's greeting."));
        var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/scripts/scripts/{scriptId}/publish");
        publish.Headers.TryAddWithoutValidation("If-Match", etag);
        var published = await world.Admin.SendAsync(publish);

        Assert.Equal("\"1\"", etag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"2\"", first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.PreconditionFailed, published.StatusCode);
        var draft = await (await world.Admin.GetAsync($"/api/scripts/scripts/{scriptId}")).JsonAsync();
        Assert.Contains("First author's greeting.", draft.GetProperty("draft").GetRawText());
        Assert.Equal(2, draft.GetProperty("revision").GetInt32());
        Assert.Equal(0, draft.GetProperty("latestVersion").GetInt32());
    }

    private static Task<HttpResponseMessage> Put(ScriptsWorld world, Guid scriptId, string ifMatch, object script)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/scripts/scripts/{scriptId}") { Content = JsonContent.Create(script) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return world.Admin.SendAsync(request);
    }

    [Fact]
    public async Task A_draft_may_keep_errors_of_the_graph_but_cannot_be_published_with_them()
    {
        var world = await ScriptsWorld.CreateAsync(platform);
        var scriptId = await world.CreateScriptAsync(new
        {
            name = "Work in progress", mode = "guided", start = "hello",
            steps = new object[] { new { type = "say", id = "hello", text = "Hello {{contact.nickname}}" } },
        });

        var draft = await (await world.Admin.GetAsync($"/api/scripts/scripts/{scriptId}")).JsonAsync();
        var publish = await world.Admin.PostAsync($"/api/scripts/scripts/{scriptId}/publish", null);
        var problem = await publish.JsonAsync();

        Assert.Equal(["dead_end", "undefined_variable"], draft.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()).Order());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, publish.StatusCode);
        Assert.Equal("application/problem+json", publish.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty("steps.hello.next", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("steps.hello.text", out _));
        Assert.Equal(0, (await (await world.Admin.GetAsync($"/api/scripts/scripts/{scriptId}/versions")).JsonAsync()).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await world.Admin.GetAsync($"/api/scripts/projects/{world.ProjectId}/active-script")).StatusCode);
    }

    [Fact]
    public async Task A_script_is_copied_to_another_project_and_exported_and_imported_as_json()
    {
        var world = await ScriptsWorld.CreateAsync(platform);
        var other = await ScriptsWorld.CreateAsync(platform, world.Tenant, "Another client");
        var scriptId = await world.PublishedScriptAsync();

        var copy = await world.Admin.PostAsync($"/api/scripts/scripts/{scriptId}/copy-to/{other.ProjectId}", null);
        var exported = await world.Admin.GetAsync($"/api/scripts/scripts/{scriptId}/export?version=1");
        var json = await exported.Content.ReadAsStringAsync();
        var imported = await world.Admin.PostAsync($"/api/scripts/projects/{other.ProjectId}/scripts/import",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, copy.StatusCode);
        var copied = await copy.JsonAsync();
        Assert.Equal(other.ProjectId, copied.GetProperty("projectId").GetGuid());
        Assert.Equal(0, copied.GetProperty("latestVersion").GetInt32());
        Assert.Contains("attachment", exported.Content.Headers.ContentDisposition?.ToString() ?? exported.Headers.ToString());
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var importedId = await imported.CreatedIdAsync();
        var roundTrip = await (await world.Admin.GetAsync($"/api/scripts/scripts/{importedId}/export")).Content.ReadAsStringAsync();
        Assert.Equal(json, roundTrip);
        Assert.Equal(2, (await (await world.Admin.GetAsync($"/api/scripts/projects/{other.ProjectId}/scripts")).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Agents_read_the_active_script_but_only_admins_and_supervisors_write_and_publish()
    {
        var world = await ScriptsWorld.CreateAsync(platform);
        var scriptId = await world.PublishedScriptAsync();
        var agent = await world.AgentAsync();
        var supervisor = await platform.CreateUserAsync(world.Tenant, [Roles.Supervisor]);

        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/scripts/projects/{world.ProjectId}/active-script")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync($"/api/scripts/projects/{world.ProjectId}/scripts", ScriptsWorld.SalesCall())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync($"/api/scripts/scripts/{scriptId}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await supervisor.PostAsJsonAsync($"/api/scripts/projects/{world.ProjectId}/scripts", ScriptsWorld.SalesCall())).StatusCode);
    }
}
