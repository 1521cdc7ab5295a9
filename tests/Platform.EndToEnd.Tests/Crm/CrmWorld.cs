using System.Net.Http.Json;
using System.Text.Json;
using Platform.EndToEnd.Tests.Security;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Crm;

/// <summary>Client companies, their projects and contacts, as the CRM tests build them through the gateway.</summary>
internal static class CrmWorld
{
    public static async Task<Guid> CompanyAsync(TestTenant tenant, string name) =>
        await (await tenant.Admin.PostAsJsonAsync("/api/clients/companies", new { name = $"{name} {Guid.NewGuid():N}"[..Math.Min(name.Length + 9, 40)] })).CreatedIdAsync();

    public static async Task<Guid> ProjectAsync(TestTenant tenant, string name, Guid? clientCompanyId) =>
        await (await tenant.Admin.PostAsJsonAsync("/api/clients/projects",
            new { name, direction = "outbound", timeZone = "Europe/Prague", clientCompanyId })).CreatedIdAsync();

    public static async Task<JsonElement> ContactAsync(TestTenant tenant, Guid projectId, string name, string phone, bool consent = false)
    {
        var created = await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts", new { name, phone });
        created.EnsureSuccessStatusCode();
        var contact = await created.JsonAsync();
        if (consent)
        {
            foreach (var purpose in new[] { "data_processing", "calls" })
            {
                (await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{contact.GetProperty("id").GetGuid()}/consents",
                    new { purpose, granted = true, source = "test" })).EnsureSuccessStatusCode();
            }
        }
        return contact;
    }

    public static async Task<string?> StatusAsync(TestTenant tenant, Guid contactId) =>
        (await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}")).JsonAsync()).GetProperty("status").GetString();

    public static async Task<string[]> WhyNotAsync(TestTenant tenant, Guid contactId) =>
        (await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}/callable")).JsonAsync())
            .GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToArray();

    public static Task<JsonElement> ImportAsync(TestTenant tenant, Guid projectId, string csv) => ImportAsync(tenant, projectId, Samples.CallList(csv));

    /// <summary>Uploads the call-list form and waits for the import's end: the job as it ended (done or failed).</summary>
    public static async Task<JsonElement> ImportAsync(TestTenant tenant, Guid projectId, MultipartFormDataContent form)
    {
        var started = await tenant.Admin.PostAsync($"/api/clients/projects/{projectId}/imports", form);
        Assert.True(started.StatusCode == System.Net.HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var location = started.Headers.Location!.OriginalString;
        JsonElement job = default;
        await Eventually.HoldsAsync(async () => (job = await (await tenant.Admin.GetAsync(location)).JsonAsync()).GetProperty("status").GetString() is "done" or "failed",
            TimeSpan.FromSeconds(30), "the import finishes");
        return job;
    }

    /// <summary>The user a signed-in client acts as (the subject of its bearer token).</summary>
    public static Guid UserIdOf(HttpClient client)
    {
        var payload = client.DefaultRequestHeaders.Authorization!.Parameter!.Split('.')[1].Replace('-', '+').Replace('_', '/');
        var json = Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '='));
        using var document = JsonDocument.Parse(json);
        return Guid.Parse(document.RootElement.GetProperty("sub").GetString()!);
    }

    /// <summary>
    /// Makes the signed-in user an agent of the queue service working on these projects, and waits until the CRM knows
    /// (the first project becomes visible to them).
    /// </summary>
    public static async Task<Guid> AssignAgentAsync(TestTenant tenant, HttpClient agent, params Guid[] projectIds)
    {
        foreach (var projectId in projectIds)
        {
            await Eventually.HoldsAsync(async () => (await tenant.Admin.GetAsync($"/api/queue/projects/{projectId}/queues")).IsSuccessStatusCode,
                TimeSpan.FromSeconds(15), "the queue service knows the project");
        }
        var agentId = await (await tenant.Admin.PostAsJsonAsync("/api/queue/agents",
            new { name = "Assigned agent", userId = UserIdOf(agent), projectIds })).CreatedIdAsync();
        await Eventually.HoldsAsync(async () => (await agent.GetAsync($"/api/clients/projects/{projectIds[0]}")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(15), "the CRM knows the agent's projects");
        // The scripts service limits agents by the same assignments (once it knows the project, it knows who works on it).
        var scripts = $"/api/scripts/projects/{projectIds[0]}/scripts";
        await Eventually.HoldsAsync(async () => (await tenant.Admin.GetAsync(scripts)).IsSuccessStatusCode && (await agent.GetAsync(scripts)).IsSuccessStatusCode,
            TimeSpan.FromSeconds(15), "the scripts service knows the agent's projects");
        return agentId;
    }

    /// <summary>The next working day of the default calendar (Mon–Fri), tomorrow or later.</summary>
    public static string NextWorkingDay()
    {
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1));
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }
        return date.ToString("yyyy-MM-dd");
    }

    public static async Task<Guid[]> PlannedAsync(TestTenant tenant, Guid projectId) =>
        (await (await tenant.Admin.GetAsync($"/api/clients/plan?projectId={projectId}&date={NextWorkingDay()}&limit=100")).JsonAsync())
            .GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("contactId").GetGuid()).ToArray();
}
