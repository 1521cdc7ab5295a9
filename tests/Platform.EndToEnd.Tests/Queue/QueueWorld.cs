using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Queue;

/// <summary>
/// A call center made for one queue test: a tenant, an inbound project with its default queue, a PBX account
/// (telephony role) and agents who are real users signed in through the gateway.
/// </summary>
internal sealed class QueueWorld(PlatformUnderTest platform, TestTenant tenant, Guid projectId, Guid queueId, HttpClient pbx)
{
    public PlatformUnderTest Platform { get; } = platform;
    public TestTenant Tenant { get; } = tenant;
    public HttpClient Admin => Tenant.Admin;
    public HttpClient Pbx { get; } = pbx;
    public Guid ProjectId { get; } = projectId;
    public Guid QueueId { get; } = queueId;

    public sealed record Agent(Guid Id, HttpClient Client, string Token);

    public static async Task<QueueWorld> CreateAsync(PlatformUnderTest platform)
    {
        var tenant = await platform.CreateTenantAsync("q");
        var projectId = await (await tenant.Admin.CreateProjectAsync("Hotline")).CreatedIdAsync();
        var queueId = Guid.Empty;
        await Eventually.HoldsAsync(async () =>
        {
            var queues = await tenant.Admin.GetAsync($"/api/queue/projects/{projectId}/queues");
            if (!queues.IsSuccessStatusCode)
            {
                return false;
            }
            var list = await queues.JsonAsync();
            queueId = list.GetArrayLength() > 0 ? list[0].GetProperty("id").GetGuid() : Guid.Empty;
            return queueId != Guid.Empty;
        }, TimeSpan.FromSeconds(20), "the project's default queue");
        var pbx = await platform.CreateUserAsync(tenant, [Roles.Telephony]);
        return new QueueWorld(platform, tenant, projectId, queueId, pbx);
    }

    /// <summary>An agent user, their agent record working the project, and their membership of <paramref name="queueId"/> (tier 1 unless said).</summary>
    public async Task<Agent> AddAgentAsync(string name, object[]? skills = null, Guid? queueId = null, Guid[]? projectIds = null)
    {
        var client = await Platform.CreateUserAsync(Tenant, [Roles.Agent]);
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
        var userId = SubjectOf(token);
        var created = await Admin.PostAsJsonAsync("/api/queue/agents", new { name, userId, skills = skills ?? [], projectIds = projectIds ?? [ProjectId] });
        var agent = new Agent(await created.CreatedIdAsync(), client, token);
        return agent;
    }

    public async Task SetMembersAsync(Guid queueId, params (Agent Agent, int Tier)[] members)
    {
        var response = await Admin.PutAsJsonAsync($"/api/queue/queues/{queueId}/members",
            members.Select(m => new { agentId = m.Agent.Id, tier = m.Tier }).ToArray());
        response.EnsureSuccessStatusCode();
    }

    public Task SetMembersAsync(params Agent[] agents) => SetMembersAsync(QueueId, agents.Select(a => (a, 1)).ToArray());

    public async Task ConfigureAsync(Guid queueId, object settings)
    {
        var response = await Admin.PutAsJsonAsync($"/api/queue/queues/{queueId}", settings);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<Guid> CreateQueueAsync(object settings)
    {
        var response = await Admin.PostAsJsonAsync($"/api/queue/projects/{ProjectId}/queues", settings);
        return await response.CreatedIdAsync();
    }

    public static async Task<HttpResponseMessage> SetStateAsync(Agent agent, string state, string? pauseCode = null) =>
        await agent.Client.PutAsJsonAsync($"/api/queue/agents/{agent.Id}/state", new { state, pauseCode });

    public static async Task AvailableAsync(Agent agent)
    {
        var response = await SetStateAsync(agent, "available");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonElement> CallAsync(string caller, bool? vip = null, int? priority = null, Guid? queueId = null, HttpClient? via = null)
    {
        var response = await (via ?? Pbx).PostAsJsonAsync("/api/queue/calls", new { callerNumber = caller, queueId = queueId ?? QueueId, vip, priority });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public async Task<JsonElement> CallViewAsync(Guid callId) => await (await Admin.GetAsync($"/api/queue/calls/{callId}")).JsonAsync();

    public async Task<string> CallStatusAsync(Guid callId) => (await CallViewAsync(callId)).GetProperty("status").GetString()!;

    public async Task<JsonElement> AgentAsync(Guid agentId) => await (await Admin.GetAsync($"/api/queue/agents/{agentId}")).JsonAsync();

    /// <summary>The call offered to the agent right now, from the database (what the push channel shows).</summary>
    public async Task<Guid?> OfferOfAsync(Agent agent)
    {
        await using var db = Platform.Database("queue");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT call_id FROM call_offers WHERE agent_id = $1";
        command.Parameters.AddWithValue(agent.Id);
        return await command.ExecuteScalarAsync() as Guid?;
    }

    public async Task<Guid> WaitForOfferAsync(Agent agent, TimeSpan? within = null)
    {
        Guid? offer = null;
        await Eventually.HoldsAsync(async () => (offer = await OfferOfAsync(agent)) is not null, within ?? TimeSpan.FromSeconds(10), $"an offer to agent {agent.Id}");
        return offer!.Value;
    }

    public static async Task<HttpResponseMessage> AcceptAsync(Agent agent, Guid callId) =>
        await agent.Client.PostAsJsonAsync($"/api/queue/calls/{callId}/accept", new { });

    public static async Task<HttpResponseMessage> HangUpAsync(Agent agent, Guid callId, int holdSeconds = 0) =>
        await agent.Client.PostAsJsonAsync($"/api/queue/calls/{callId}/hangup", new { holdSeconds });

    public static async Task<HttpResponseMessage> WrapUpDoneAsync(Agent agent, Guid callId) =>
        await agent.Client.PostAsync($"/api/queue/calls/{callId}/wrapup-done", null);

    public static string UniqueNumber() => $"+4206{Random.Shared.Next(10_000_000, 99_999_999)}";

    private static Guid SubjectOf(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return Guid.Parse(json.RootElement.GetProperty("sub").GetString()!);
    }
}
