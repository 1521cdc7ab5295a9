using System.Net.Http.Json;
using System.Text.Json;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;

namespace Platform.Web.Tests.Browser;

/// <summary>
/// A call center made for one browser test through the API: an inbound project in Budapest's zone with its default queue,
/// a published script, a contact the caller will be, an agent (user, agent record, queue member), a supervisor and a PBX.
/// </summary>
internal sealed record CallCenter(TestTenant Tenant, Guid ProjectId, Guid QueueId, Guid ContactId, string ContactName, string ContactPhone, HttpClient Pbx)
{
    public const string Password = "browser-password-1";
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";

    /// <summary>The project's default queue, once the queue service has learnt of the project (404 until then).</summary>
    public static async Task<Guid> DefaultQueueAsync(HttpClient admin, Guid projectId)
    {
        var queueId = Guid.Empty;
        await Eventually.HoldsAsync(async () =>
        {
            var response = await admin.GetAsync($"/api/queue/projects/{projectId}/queues");
            var queues = response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement : default;
            queueId = response.IsSuccessStatusCode && queues.GetArrayLength() > 0 ? queues[0].GetProperty("id").GetGuid() : Guid.Empty;
            return queueId != Guid.Empty;
        }, TimeSpan.FromSeconds(20), "the project's default queue");
        return queueId;
    }

    public static async Task<CallCenter> CreateAsync(WebPlatform platform)
    {
        var tenant = await platform.CreateTenantAsync("b");
        var admin = tenant.Admin;
        var projectId = await IdOf(await admin.PostAsJsonAsync("/api/clients/projects", new { name = "Acme hotline", direction = "inbound", timeZone = "Europe/Budapest" }));
        var queueId = await DefaultQueueAsync(admin, projectId);

        // The scripts service learns of the project from its event: the script can be written once it has.
        var scriptId = Guid.Empty;
        await Eventually.HoldsAsync(async () =>
        {
            var created = await admin.PostAsJsonAsync($"/api/scripts/projects/{projectId}/scripts", Script);
            if (created.IsSuccessStatusCode) scriptId = await IdOf(created);
            return created.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(20), "the scripts service knows the project");
        await Ensure(await admin.PostAsync($"/api/scripts/scripts/{scriptId}/publish", null));

        var phone = $"+3670{Random.Shared.Next(1_000_000, 9_999_999)}";
        var contactId = await IdOf(await admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts",
            new { kind = "person", name = "Eva Kovacs", phone, timeZone = "Europe/Budapest", company = "Kovacs Kft." }));

        await WebPlatform.CreateUserAsync(tenant, Agent, Password, [Roles.Agent]);
        await WebPlatform.CreateUserAsync(tenant, Supervisor, Password, [Roles.Supervisor]);
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/users");
        var agentUser = users.EnumerateArray().Single(u => u.GetProperty("username").GetString() == Agent).GetProperty("id").GetGuid();
        var agentId = await IdOf(await admin.PostAsJsonAsync("/api/queue/agents",
            new { name = "Anna Agent", userId = agentUser, skills = Array.Empty<object>(), projectIds = new[] { projectId } }));
        await Ensure(await admin.PutAsJsonAsync($"/api/queue/queues/{queueId}/members", new[] { new { agentId, tier = 1 } }));

        // The queue service learns of the contact from its event: the caller is recognised once its directory has the row.
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = platform.Database("queue");
            await db.OpenAsync();
            await using var command = db.CreateCommand();
            command.CommandText = "SELECT count(*) FROM contact_directory WHERE contact_id = $1";
            command.Parameters.AddWithValue(contactId);
            return (long)(await command.ExecuteScalarAsync())! > 0;
        }, TimeSpan.FromSeconds(20), "the queue service's directory knows the contact");
        await Eventually.HoldsAsync(async () => (await admin.GetAsync($"/api/scripts/projects/{projectId}/active-script")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(20), "the published script");
        var pbx = await platform.CreateUserAsync(tenant, [Roles.Telephony]);
        return new CallCenter(tenant, projectId, queueId, contactId, "Eva Kovacs", phone, pbx);
    }

    /// <summary>The PBX reports a call from the contact's number (or another), as the telephony role does.</summary>
    public async Task<Guid> CallAsync(string? from = null)
    {
        var response = await Pbx.PostAsJsonAsync("/api/queue/calls", new { callerNumber = from ?? ContactPhone, queueId = QueueId, externalId = $"pbx-{Guid.NewGuid():N}" });
        return JsonDocument.Parse(await Ensure(response)).RootElement.GetProperty("callId").GetGuid();
    }

    /// <summary>The caller hung up while waiting (the PBX reports it).</summary>
    public async Task AbandonAsync(Guid callId) =>
        await Ensure(await Pbx.PostAsJsonAsync($"/api/queue/calls/{callId}/abandon", new { }));

    private static readonly object Script = new
    {
        name = "Acme welcome",
        mode = "strict",
        start = "greeting",
        steps = new object[]
        {
            new { type = "say", id = "greeting", text = "Good day {{contact.name}}, this is Acme's hotline.", next = "interest" },
            new
            {
                type = "question", id = "interest", text = "Would you like to hear about our new plan?", kind = "single",
                options = new object[] { new { value = "yes", label = "Yes", next = "bye-yes" }, new { value = "no", label = "No", next = "bye-no" } },
            },
            new { type = "objection", id = "price", label = "Too expensive", text = "It pays for itself within a year." },
            new { type = "end", id = "bye-yes", disposition = "interested" },
            new { type = "end", id = "bye-no", disposition = "not_interested" },
        },
    };

    /// <summary>The id of what a successful POST created (a failed one throws with its answer).</summary>
    public static async Task<Guid> IdOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await Ensure(response)).RootElement.GetProperty("id").GetGuid();

    private static async Task<string> Ensure(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? text
            : throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
    }
}
