using System.Net.Http.Json;
using Platform.EndToEnd.Tests.Crm;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Security;

/// <summary>
/// What the sweeps aim at in the dialer (docs/dialer.md): a draft campaign of the tenant's project, and an attempt id.
/// A state change uses its campaign up, and an agent sees only the campaigns they work and their own previews: those
/// operations get a fresh campaign (with the caller's own agent in it) each time; previews come from a project open
/// around the clock, so a contact is dialable whenever the sweep runs.
/// </summary>
internal sealed class CampaignTargets(TestTenant tenant, Guid projectId, Guid agentId, Guid campaignId, Guid openProject, Guid dialId)
{
    private static readonly HashSet<string> OnFresh =
        ["GetCampaign", "UpdateCampaign", "StartCampaign", "PauseCampaign", "StopCampaign", "GetCampaignFigures", "GetCampaignContactsLeft", "NextPreview", "GetCampaignDial", "DialPreview", "SkipPreview"];

    private static readonly HashSet<string> OnPreview = ["NextPreview", "GetCampaignDial", "DialPreview", "SkipPreview"];

    public IReadOnlyDictionary<string, string> Ids => new Dictionary<string, string>
    {
        ["campaignId"] = campaignId.ToString(),
        ["dialId"] = dialId.ToString(),
    };

    /// <summary>A draft campaign of the project, and a contact previewed in a running preview campaign of a project open around the clock.</summary>
    public static async Task<CampaignTargets> CreateAsync(TestTenant tenant, Guid projectId, Guid agentId)
    {
        var campaign = await CampaignAsync(tenant, projectId, [agentId], start: false);
        var open = await OpenProjectAsync(tenant);
        var (_, _, dial) = await PreviewAsync(tenant, open, null);
        return new(tenant, projectId, agentId, campaign, open, dial);
    }

    public static bool NeedsFresh(string operationId) => OnFresh.Contains(operationId);

    /// <summary>The ids that replace the world's for one call of <paramref name="operationId"/> by <paramref name="actor"/>.</summary>
    public async Task<Dictionary<string, string>> FreshAsync(string operationId, HttpClient? actor)
    {
        var own = actor is null ? null : await OwnAgentAsync(actor);
        if (!OnPreview.Contains(operationId))
        {
            var fresh = await CampaignAsync(tenant, projectId, own is { } mine ? [agentId, mine] : [agentId], start: operationId == "PauseCampaign");
            return new() { ["campaignId"] = fresh.ToString() };
        }
        var (campaign, previewer, dial) = await PreviewAsync(tenant, openProject, own, preview: operationId != "NextPreview");
        var ids = new Dictionary<string, string> { ["campaignId"] = campaign.ToString(), ["agentId"] = previewer.ToString(), ["dialId"] = dial.ToString() };
        if (operationId == "DialPreview")
        {
            (await tenant.Admin.PutAsJsonAsync($"/api/queue/agents/{previewer}/state", new { state = "available" })).EnsureSuccessStatusCode();
        }
        return ids;
    }

    /// <summary>A running preview campaign of the open project with one agent (<paramref name="own"/> or a new one), a dialable contact, and (unless told not to) the contact previewed.</summary>
    private static async Task<(Guid Campaign, Guid Agent, Guid Dial)> PreviewAsync(TestTenant tenant, Guid project, Guid? own, bool preview = true)
    {
        var previewer = own ?? await (await tenant.Admin.PostAsJsonAsync("/api/queue/agents", new { name = "Previewer", projectIds = new[] { project } })).CreatedIdAsync();
        var campaign = await CampaignAsync(tenant, project, [previewer], start: true);
        await CrmWorld.ContactAsync(tenant, project, "Preview contact", Samples.UniqueMobile(), consent: true);
        if (!preview)
        {
            return (campaign, previewer, Guid.Empty);
        }
        var previewed = await tenant.Admin.PostAsJsonAsync($"/api/queue/campaigns/{campaign}/preview", new { agentId = previewer });
        previewed.EnsureSuccessStatusCode();
        return (campaign, previewer, (await previewed.JsonAsync()).GetProperty("id").GetGuid());
    }

    private static async Task<Guid> CampaignAsync(TestTenant tenant, Guid projectId, Guid[] agentIds, bool start)
    {
        var created = await tenant.Admin.PostAsJsonAsync("/api/queue/campaigns", new
        {
            projectId, name = $"Target {Guid.NewGuid():N}", dialMode = "preview", callerId = "+420222000111", agentIds,
        });
        var id = await created.CreatedIdAsync();
        if (start)
        {
            (await tenant.Admin.PostAsJsonAsync($"/api/queue/campaigns/{id}/start", new { })).EnsureSuccessStatusCode();
        }
        return id;
    }

    /// <summary>The agent record of the actor's user, when they are an agent; null for everyone else.</summary>
    private async Task<Guid?> OwnAgentAsync(HttpClient actor)
    {
        var userId = CrmWorld.UserIdOf(actor);
        var agents = await (await tenant.Admin.GetAsync("/api/queue/agents")).JsonAsync();
        return agents.EnumerateArray().Where(a => a.TryGetProperty("userId", out var u) && u.ValueKind == System.Text.Json.JsonValueKind.String && u.GetGuid() == userId)
            .Select(a => (Guid?)a.GetProperty("id").GetGuid()).FirstOrDefault();
    }

    private static async Task<Guid> OpenProjectAsync(TestTenant tenant)
    {
        var project = await CrmWorld.ProjectAsync(tenant, "Open around the clock", null);
        var allWeek = Enum.GetNames<DayOfWeek>().ToDictionary(d => d.ToLowerInvariant(), _ => new { open = "00:00", close = "23:59" });
        (await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{project}/calendar", new { weekdays = allWeek })).EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(async () => (await tenant.Admin.GetAsync($"/api/queue/projects/{project}/queues")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(20), "the queue service knows the open project");
        return project;
    }
}
