using System.Net;
using System.Net.Http.Json;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Security;

/// <summary>
/// What the sweeps aim at in the scripts service: a published script of the tenant's project (version 1) and an open
/// session on it. Walking a session uses it up, and an agent walks only their own: those operations get a fresh
/// session of the caller's own each time.
/// </summary>
internal sealed record ScriptsTargets(Guid ScriptId, Guid SessionId)
{
    private static readonly HashSet<string> OnFreshSession = ["GetSession", "AnswerStep", "GoBack", "JumpToStep", "CompleteSession"];

    public IReadOnlyDictionary<string, string> Ids => new Dictionary<string, string>
    {
        ["scriptId"] = ScriptId.ToString(),
        ["sessionId"] = SessionId.ToString(),
        ["version"] = "1",
    };

    public static async Task<ScriptsTargets> CreateAsync(TestTenant tenant, Guid projectId)
    {
        var created = await tenant.Admin.PostAsync($"/api/scripts/projects/{projectId}/scripts", Samples.Content("CreateScript"));
        var scriptId = await created.CreatedIdAsync();
        (await tenant.Admin.PostAsync($"/api/scripts/scripts/{scriptId}/publish", null)).EnsureSuccessStatusCode();
        return new ScriptsTargets(scriptId, await StartAsync(tenant.Admin, projectId));
    }

    public static bool NeedsFreshSession(string operationId) => OnFreshSession.Contains(operationId);

    /// <summary>A session of <paramref name="actor"/> (of the admin when the actor may not start one), where the operation's sample body fits.</summary>
    public static async Task<Guid> FreshSessionAsync(TestTenant tenant, Guid projectId, HttpClient? actor, string operationId)
    {
        var client = actor ?? tenant.Admin;
        var probe = await client.PostAsync($"/api/scripts/projects/{projectId}/sessions", Samples.Content("StartSession"));
        if (probe.StatusCode == HttpStatusCode.Forbidden)
        {
            client = tenant.Admin;
        }
        var sessionId = probe.IsSuccessStatusCode ? await probe.CreatedIdAsync() : await StartAsync(client, projectId);
        if (operationId == "GoBack")
        {
            (await client.PostAsync($"/api/scripts/sessions/{sessionId}/answers", Samples.Content("AnswerStep"))).EnsureSuccessStatusCode();
        }
        return sessionId;
    }

    private static async Task<Guid> StartAsync(HttpClient client, Guid projectId) =>
        await (await client.PostAsJsonAsync($"/api/scripts/projects/{projectId}/sessions", new { })).CreatedIdAsync();
}
