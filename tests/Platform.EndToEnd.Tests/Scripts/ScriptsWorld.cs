using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Scripts;

/// <summary>A call center with a project the scripts service knows, and helpers to write, publish and walk its scripts.</summary>
internal sealed class ScriptsWorld(PlatformUnderTest platform, TestTenant tenant, Guid projectId)
{
    public PlatformUnderTest Platform { get; } = platform;
    public TestTenant Tenant { get; } = tenant;
    public HttpClient Admin => Tenant.Admin;
    public Guid ProjectId { get; } = projectId;

    public static async Task<ScriptsWorld> CreateAsync(PlatformUnderTest platform, TestTenant? tenant = null, string projectName = "Acme sales")
    {
        tenant ??= await platform.CreateTenantAsync("s");
        var projectId = await (await tenant.Admin.CreateProjectAsync(projectName)).CreatedIdAsync();
        await KnowsProjectAsync(tenant.Admin, projectId);
        return new ScriptsWorld(platform, tenant, projectId);
    }

    /// <summary>An agent who works on the world's project (agents read the scripts and sessions of their own projects only).</summary>
    public async Task<HttpClient> AgentAsync()
    {
        var agent = await Platform.CreateUserAsync(Tenant, [global::Platform.ServiceDefaults.Auth.Roles.Agent]);
        await Crm.CrmWorld.AssignAgentAsync(Tenant, agent, ProjectId);
        return agent;
    }

    public static Task KnowsProjectAsync(HttpClient client, Guid projectId) =>
        Eventually.HoldsAsync(async () => (await client.GetAsync($"/api/scripts/projects/{projectId}/scripts")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(15), $"the scripts service knows project {projectId}");

    /// <summary>
    /// greet → interest (yes → age, no → bye-no) → age (number) → a branch on the age (≥ 18 → offer, else minor) →
    /// offer (yes → bye-sale, no → bye-no); objection handlers "price" (returns) and "not-now" (ends).
    /// </summary>
    public static object SalesCall(string mode = "strict", string greeting = "Hello {{contact.name}}, this is {{agent.name}} for {{project.name}}.") => new
    {
        name = "Sales call",
        mode,
        start = "greet",
        steps = new object[]
        {
            new { type = "say", id = "greet", text = greeting, next = "interest" },
            new
            {
                type = "question", id = "interest", text = "Would you like to hear our offer?", kind = "single",
                options = new[] { new { value = "yes", label = "Yes", next = "age" }, new { value = "no", label = "No", next = "bye-no" } },
            },
            new { type = "question", id = "age", text = "How old are you?", kind = "number", min = 0, max = 130, next = "adult" },
            new
            {
                type = "branch", id = "adult", otherwise = "minor",
                rules = new[] { new { when = new { variable = "answers.age", op = "gte", value = "18" }, next = "offer" } },
            },
            new
            {
                type = "question", id = "offer", text = "Shall I send the contract?", kind = "single",
                options = new[] { new { value = "yes", label = "Yes, send it", next = "bye-sale" }, new { value = "no", label = "Not now", next = "bye-no" } },
            },
            new { type = "say", id = "minor", text = "Sorry, the offer is for adults only.", next = "bye-no" },
            new { type = "objection", id = "price", label = "Too expensive", text = "It pays for itself, {{contact.name}}." },
            new { type = "objection", id = "not-now", label = "Not now", text = "Thank you for your time.", next = "bye-no" },
            new { type = "end", id = "bye-sale", text = "Thank you!", disposition = "sale" },
            new { type = "end", id = "bye-no", text = "Goodbye.", disposition = "not_interested" },
        },
    };

    public async Task<Guid> CreateScriptAsync(object? script = null, Guid? projectId = null)
    {
        var response = await Admin.PostAsJsonAsync($"/api/scripts/projects/{projectId ?? ProjectId}/scripts", script ?? SalesCall());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.CreatedIdAsync();
    }

    public async Task<int> PublishAsync(Guid scriptId)
    {
        var response = await Admin.PostAsync($"/api/scripts/scripts/{scriptId}/publish", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("version").GetInt32();
    }

    public async Task<Guid> PublishedScriptAsync(object? script = null)
    {
        var id = await CreateScriptAsync(script);
        await PublishAsync(id);
        return id;
    }

    public async Task<JsonElement> StartSessionAsync(HttpClient client, Guid? contactId = null, Guid? projectId = null)
    {
        var response = await client.PostAsJsonAsync($"/api/scripts/projects/{projectId ?? ProjectId}/sessions", new { contactId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static Task<HttpResponseMessage> AnswerAsync(HttpClient client, Guid sessionId, string stepId, object? answer = null) =>
        client.PostAsJsonAsync($"/api/scripts/sessions/{sessionId}/answers", new { stepId, answer });

    public static async Task<JsonElement> AnsweredAsync(HttpClient client, Guid sessionId, string stepId, object? answer = null)
    {
        var response = await AnswerAsync(client, sessionId, stepId, answer);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static string CurrentStep(JsonElement session) => session.GetProperty("step").GetProperty("stepId").GetString()!;

    /// <summary>The events the scripts service put in its outbox for this tenant, by type, oldest first.</summary>
    public async Task<List<JsonElement>> OutboxAsync(string type)
    {
        await using var db = Platform.Database("scripts");
        var bodies = await db.QueryAsync<string>(
            "SELECT body::text FROM outbox_messages WHERE tenant_id = @Id AND message_type LIKE @type ORDER BY created_at, message_id",
            new { Tenant.Id, type = $"%.{type}" });
        return bodies.Select(b => JsonDocument.Parse(b).RootElement.Clone()).ToList();
    }
}
