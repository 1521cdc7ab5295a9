using System.Net;
using System.Net.Http.Json;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;
using static Platform.EndToEnd.Tests.Crm.CrmWorld;

namespace Platform.EndToEnd.Tests.Crm;

/// <summary>A lead is worked, not hammered, and held by one agent at a time.</summary>
[Collection(PlatformCollection.Name)]
public sealed class LeadWorkTests(PlatformUnderTest platform)
{
    private static async Task<Guid[]> DrawAsync(HttpClient agent, Guid projectId)
    {
        var drawn = await agent.PostAsJsonAsync("/api/clients/plan", new { date = NextWorkingDay(), projectId, limit = 100 });
        drawn.EnsureSuccessStatusCode();
        return (await drawn.JsonAsync()).GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("contactId").GetGuid()).ToArray();
    }

    [Fact]
    public async Task Two_agents_drawing_at_once_never_hold_the_same_person_and_an_outcome_frees_the_lead()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Shared list", null);
        var contacts = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            contacts.Add((await ContactAsync(tenant, projectId, $"Lead {i:D2}", $"777 880 {i:D3}", consent: true)).GetProperty("id").GetGuid());
        }
        var (first, second) = (await platform.CreateUserAsync(tenant, [Roles.Agent]), await platform.CreateUserAsync(tenant, [Roles.Agent]));
        await AssignAgentAsync(tenant, first, projectId);
        await AssignAgentAsync(tenant, second, projectId);

        var plans = await Task.WhenAll(DrawAsync(first, projectId), DrawAsync(second, projectId));

        Assert.Empty(plans[0].Intersect(plans[1]));
        Assert.Equal(contacts.Order(), plans[0].Concat(plans[1]).Order()); // every lead is someone's, nobody's twice
        Assert.Equal(plans[0], await DrawAsync(first, projectId));         // drawing again keeps one's own leads
        var worked = plans[0].Length > 0 ? plans[0][0] : plans[1][0];
        var (holder, other) = plans[0].Length > 0 ? (first, second) : (second, first);

        (await holder.PostAsJsonAsync($"/api/clients/contacts/{worked}/outcomes", new { disposition = "no_answer" })).EnsureSuccessStatusCode();

        Assert.Contains(worked, await DrawAsync(other, projectId)); // the lease ended with the outcome
    }

    [Fact]
    public async Task Unanswered_calls_rest_the_contact_by_the_projects_rules_and_the_limit_closes_it_with_the_reason()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Winback", null);
        var rules = await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{projectId}/recycling",
            new { retryDelayMinutes = new Dictionary<string, int> { ["busy"] = 45 }, maxAttempts = 2, maxAttemptsPerDay = 2 });
        Assert.Equal(HttpStatusCode.OK, rules.StatusCode);
        var contactId = (await ContactAsync(tenant, projectId, "Often busy", "777 890 001", consent: true)).GetProperty("id").GetGuid();
        (await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{projectId}/dispositions", new object[]
        {
            new { code = "busy", label = "Busy", category = "busy", move = "none", requiresNextContact = false },
            new { code = "sale", label = "Sale", category = "sale", move = "sign_contract", requiresNextContact = false },
        })).EnsureSuccessStatusCode();

        var before = DateTimeOffset.UtcNow;
        var once = await (await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{contactId}/outcomes", new { disposition = "busy" })).JsonAsync();
        var next = once.GetProperty("contact").GetProperty("nextContactAt").GetDateTimeOffset();
        Assert.InRange(next, before.AddMinutes(45), DateTimeOffset.UtcNow.AddMinutes(45));
        var twice = await (await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{contactId}/outcomes", new { disposition = "busy" })).JsonAsync();

        Assert.Equal("closed after 2 attempts (the project allows 2)", twice.GetProperty("contact").GetProperty("closedReason").GetString());
        Assert.DoesNotContain(contactId, await PlannedAsync(tenant, projectId));
        var read = await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/recycling")).JsonAsync();
        Assert.Equal((2, 45), (read.GetProperty("maxAttempts").GetInt32(), read.GetProperty("retryDelayMinutes").GetProperty("busy").GetInt32()));
    }

    [Fact]
    public async Task Rules_that_make_no_sense_and_a_day_plan_without_its_project_are_refused()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Winback", null);

        var rules = await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{projectId}/recycling", new { maxAttempts = 3, maxAttemptsPerDay = 5 });
        var myDay = await tenant.Admin.PostAsJsonAsync("/api/clients/plan", new { date = NextWorkingDay(), myDay = true });
        var sized = await tenant.Admin.PostAsJsonAsync("/api/clients/plan", new { date = NextWorkingDay(), projectId, myDay = true });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.OK), (rules.StatusCode, myDay.StatusCode, sized.StatusCode));
        Assert.Equal(6, (await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/recycling")).JsonAsync()).GetProperty("maxAttempts").GetInt32());
    }
}
