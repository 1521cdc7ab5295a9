using System.Net.Http.Json;
using System.Text.Json;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;

namespace Platform.Web.Tests.Browser;

/// <summary>
/// An outbound call center for one campaign test, through the API: a project open around the clock (no answer depends on
/// when the test runs) with a published script, contacts who consented to calls, an agent the browser signs in as, and a
/// PBX account that reads the command stream and reports dial results.
/// </summary>
internal sealed class CampaignCenter(TestTenant tenant, Guid projectId, Guid agentId, HttpClient pbx)
{
    public const string Agent = "caller";
    public const string Password = "browser-password-1";
    public const string CallerId = "+420 222 000 111";

    public TestTenant Tenant { get; } = tenant;
    public HttpClient Admin => Tenant.Admin;
    public Guid ProjectId { get; } = projectId;
    public Guid AgentId { get; } = agentId;
    public HttpClient Pbx { get; } = pbx;

    /// <summary>An outbound project open around the clock (no answer depends on when the test runs), once the queue service knows it.</summary>
    public static async Task<Guid> OutboundProjectAsync(HttpClient admin, string projectName)
    {
        var projectId = await IdOf(await admin.PostAsJsonAsync("/api/clients/projects", new { name = projectName, direction = "outbound", timeZone = "Europe/Prague" }));
        var allWeek = Enum.GetNames<DayOfWeek>().ToDictionary(d => d.ToLowerInvariant(), _ => new { open = "00:00", close = "23:59" });
        (await admin.PutAsJsonAsync($"/api/clients/projects/{projectId}/calendar", new { weekdays = allWeek })).EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(async () => (await admin.GetAsync($"/api/queue/projects/{projectId}/queues")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(20), "the queue service knows the project");
        return projectId;
    }

    public static async Task<CampaignCenter> CreateAsync(WebPlatform platform, string projectName)
    {
        var tenant = await platform.CreateTenantAsync("c");
        var admin = tenant.Admin;
        var projectId = await OutboundProjectAsync(admin, projectName);
        var scriptId = Guid.Empty;
        await Eventually.HoldsAsync(async () =>
        {
            var created = await admin.PostAsJsonAsync($"/api/scripts/projects/{projectId}/scripts", Script);
            if (created.IsSuccessStatusCode) scriptId = await IdOf(created);
            return created.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(20), "the scripts service knows the project");
        (await admin.PostAsync($"/api/scripts/scripts/{scriptId}/publish", null)).EnsureSuccessStatusCode();

        await WebPlatform.CreateUserAsync(tenant, Agent, Password, [Roles.Agent]);
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/users");
        var userId = users.EnumerateArray().Single(u => u.GetProperty("username").GetString() == Agent).GetProperty("id").GetGuid();
        var agentId = await IdOf(await admin.PostAsJsonAsync("/api/queue/agents", new { name = "Olga Outbound", userId, projectIds = new[] { projectId } }));
        (await admin.PutAsJsonAsync($"/api/queue/agents/{agentId}/device", new { extension = "2001" })).EnsureSuccessStatusCode();
        var pbx = await platform.CreateUserAsync(tenant, [Roles.Telephony]);
        return new CampaignCenter(tenant, projectId, agentId, pbx);
    }

    /// <summary>A contact who consented to data processing and to calls.</summary>
    public async Task<(Guid Id, string Phone)> ContactAsync(string name)
    {
        var phone = $"+420777{Random.Shared.Next(100_000, 999_999)}";
        var id = await IdOf(await Admin.PostAsJsonAsync($"/api/clients/projects/{ProjectId}/contacts", new { name, phone }));
        foreach (var purpose in new[] { "data_processing", "calls" })
        {
            (await Admin.PostAsJsonAsync($"/api/clients/contacts/{id}/consents", new { purpose, granted = true, source = "test" })).EnsureSuccessStatusCode();
        }
        return (id, phone);
    }

    public async Task<Guid> CampaignAsync(string name, string mode)
    {
        var created = await Admin.PostAsJsonAsync("/api/queue/campaigns", new { projectId = ProjectId, name, dialMode = mode, callerId = CallerId, agentIds = new[] { AgentId } });
        return await IdOf(created);
    }

    public async Task StartAsync(Guid campaignId) =>
        (await Admin.PostAsJsonAsync($"/api/queue/campaigns/{campaignId}/start", new { })).EnsureSuccessStatusCode();

    /// <summary>The PBX reads its command stream until a command of the kind comes (each read is acknowledged).</summary>
    public async Task<JsonElement> NextCommandAsync(string kind)
    {
        JsonElement found = default;
        await Eventually.HoldsAsync(async () =>
        {
            var batch = await Pbx.GetFromJsonAsync<JsonElement>("/api/queue/telephony/commands?limit=500");
            var read = batch.GetProperty("commands").EnumerateArray().ToList();
            if (read.Count > 0)
            {
                (await Pbx.PostAsJsonAsync("/api/queue/telephony/commands/ack", new { commandIds = read.Select(c => c.GetProperty("commandId").GetGuid()).ToArray() }))
                    .EnsureSuccessStatusCode();
            }
            found = read.FirstOrDefault(c => c.GetProperty("kind").GetString() == kind);
            return found.ValueKind == JsonValueKind.Object;
        }, TimeSpan.FromSeconds(30), $"a {kind} command");
        return found.GetProperty("body");
    }

    public async Task ReportAsync(Guid callId, string result)
    {
        var response = await Pbx.PostAsJsonAsync($"/api/queue/calls/{callId}/dial-result", new { result });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static readonly object Script = new
    {
        name = "Renewal call", mode = "strict", start = "greeting",
        steps = new object[]
        {
            new { type = "say", id = "greeting", text = "Good day {{contact.name}}, this is Acme about your contract renewal.", next = "interest" },
            new
            {
                type = "question", id = "interest", text = "May I tell you about the new terms?", kind = "single",
                options = new object[] { new { value = "yes", label = "Yes", next = "bye-yes" }, new { value = "no", label = "No", next = "bye-no" } },
            },
            new { type = "end", id = "bye-yes", disposition = "interested" },
            new { type = "end", id = "bye-no", disposition = "not_interested" },
        },
    };

    private static async Task<Guid> IdOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }
}
