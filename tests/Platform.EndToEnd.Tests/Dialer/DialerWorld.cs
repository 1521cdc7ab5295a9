using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Platform.EndToEnd.Tests.Crm;
using Platform.EndToEnd.Tests.Queue;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Dialer;

/// <summary>
/// A call center made for one dialer test, through the gateway: an outbound project open around the clock (so no answer
/// depends on when the test runs), its contacts with consent, agents of the queue service, a PBX account that reads the
/// command stream, and campaigns.
/// </summary>
internal sealed class DialerWorld(PlatformUnderTest platform, TestTenant tenant, Guid projectId, HttpClient pbx)
{
    public PlatformUnderTest Platform { get; } = platform;
    public TestTenant Tenant { get; } = tenant;
    public HttpClient Admin => Tenant.Admin;
    public HttpClient Pbx { get; } = pbx;
    public Guid ProjectId { get; } = projectId;
    private readonly List<JsonElement> commands = [];

    public static async Task<DialerWorld> CreateAsync(PlatformUnderTest platform)
    {
        var tenant = await platform.CreateTenantAsync("d");
        var projectId = await CrmWorld.ProjectAsync(tenant, "Winter renewals", null);
        var allWeek = Enum.GetNames<DayOfWeek>().ToDictionary(d => d.ToLowerInvariant(), _ => new { open = "00:00", close = "23:59" });
        (await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{projectId}/calendar", new { weekdays = allWeek })).EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(async () => (await tenant.Admin.GetAsync($"/api/queue/projects/{projectId}/queues")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(20), "the queue service knows the project");
        var pbx = await platform.CreateUserAsync(tenant, [Roles.Telephony]);
        return new DialerWorld(platform, tenant, projectId, pbx);
    }

    public async Task<Guid> ContactAsync(string name, bool consent = true) =>
        (await CrmWorld.ContactAsync(Tenant, ProjectId, name, UniqueMobile(), consent)).GetProperty("id").GetGuid();

    /// <summary>A valid Czech mobile number (the CRM accepts only numbers that can exist).</summary>
    public static string UniqueMobile() => $"+420777{Random.Shared.Next(100_000, 999_999)}";

    public async Task<QueueWorld.Agent> AgentAsync(string name)
    {
        var client = await Platform.CreateUserAsync(Tenant, [Roles.Agent]);
        var created = await Admin.PostAsJsonAsync("/api/queue/agents", new { name, userId = CrmWorld.UserIdOf(client), projectIds = new[] { ProjectId } });
        return new QueueWorld.Agent(await created.CreatedIdAsync(), client, client.DefaultRequestHeaders.Authorization!.Parameter!);
    }

    public async Task<Guid> CampaignAsync(string mode, QueueWorld.Agent[] agents, object? source = null, double? abandonCapPercent = null)
    {
        var created = await Admin.PostAsJsonAsync("/api/queue/campaigns", new
        {
            projectId = ProjectId, name = $"{mode} {Guid.NewGuid():N}"[..30], dialMode = mode, callerId = "+420 222 000 111",
            source, agentIds = agents.Select(a => a.Id).ToArray(), abandonCapPercent,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.JsonAsync()).GetProperty("id").GetGuid();
    }

    public async Task StartAsync(Guid campaignId)
    {
        var started = await Admin.PostAsJsonAsync($"/api/queue/campaigns/{campaignId}/start", new { });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
    }

    /// <summary>Every command the PBX has read so far (each read is acknowledged), oldest first.</summary>
    public async Task<IReadOnlyList<JsonElement>> ReadCommandsAsync(HttpClient? via = null)
    {
        var batch = await (await (via ?? Pbx).GetAsync("/api/queue/telephony/commands?limit=500")).JsonAsync();
        var read = batch.GetProperty("commands").EnumerateArray().ToList();
        if (read.Count > 0)
        {
            (await (via ?? Pbx).PostAsJsonAsync("/api/queue/telephony/commands/ack",
                new { commandIds = read.Select(c => c.GetProperty("commandId").GetGuid()).ToArray() })).EnsureSuccessStatusCode();
            commands.AddRange(read);
        }
        return commands;
    }

    public async Task<List<JsonElement>> WaitForCommandsAsync(string kind, int count, string what)
    {
        List<JsonElement> found = [];
        await Eventually.HoldsAsync(async () => (found = Of(await ReadCommandsAsync(), kind)).Count >= count, TimeSpan.FromSeconds(30), what);
        return found;
    }

    public static List<JsonElement> Of(IEnumerable<JsonElement> commands, string kind) =>
        commands.Where(c => c.GetProperty("kind").GetString() == kind).ToList();

    public async Task<HttpResponseMessage> ReportAsync(Guid callId, string result, HttpClient? via = null) =>
        await (via ?? Pbx).PostAsJsonAsync($"/api/queue/calls/{callId}/dial-result", new { result });

    public async Task<JsonElement> FiguresAsync(Guid campaignId) =>
        await (await Admin.GetAsync($"/api/queue/campaigns/{campaignId}/figures")).JsonAsync();

    public async Task<string> AgentStateAsync(QueueWorld.Agent agent) =>
        (await (await Admin.GetAsync($"/api/queue/agents/{agent.Id}")).JsonAsync()).GetProperty("state").GetString()!;

    /// <summary>Who holds the contact's lease in the CRM (the campaign's id for a campaign), or null.</summary>
    public async Task<Guid?> LeaseHolderAsync(Guid contactId)
    {
        await using var db = Platform.Database("clients");
        return await db.QuerySingleOrDefaultAsync<Guid?>("SELECT agent_id FROM contact_leases WHERE contact_id = @contactId AND leased_until > now()", new { contactId });
    }

    public async Task<(string Category, string Disposition)[]> OutcomesAsync(Guid contactId)
    {
        await using var db = Platform.Database("clients");
        return (await db.QueryAsync<(string, string)>("SELECT category, disposition_code FROM call_outcomes WHERE contact_id = @contactId ORDER BY recorded_at",
            new { contactId })).ToArray();
    }
}
