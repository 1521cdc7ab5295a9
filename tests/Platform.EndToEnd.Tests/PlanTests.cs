using System.Net;
using System.Net.Http.Json;
using Dapper;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class PlanTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task An_agents_plan_holds_the_callable_contacts_due_in_order_and_drawing_it_is_recorded()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.PostAsJsonAsync("/api/clients/projects",
            new { name = "Plan project", direction = "outbound", timeZone = "Europe/Prague" })).CreatedIdAsync();
        async Task<Guid> Contact(string name, string phone, bool consent = true)
        {
            var id = await (await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts", new { name, phone })).CreatedIdAsync();
            if (consent)
            {
                foreach (var purpose in new[] { "data_processing", "calls" })
                {
                    await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{id}/consents", new { purpose, granted = true, source = "test" });
                }
            }
            return id;
        }
        var cold = await Contact("Cold", "777 000 001");
        var hot = await Contact("Hot", "777 000 002");
        var silent = await Contact("No consent", "777 000 003", consent: false);
        var refused = await Contact("Do not call", "777 000 004");
        await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{hot}/outcomes",
            new { disposition = "interested", nextContactAt = DateTimeOffset.UtcNow.AddMinutes(5) });
        await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{refused}/outcomes", new { disposition = "do_not_call" });
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)); // the next working day of the default calendar
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }

        var plan = await (await tenant.Admin.GetAsync($"/api/clients/plan?date={date:yyyy-MM-dd}")).JsonAsync();

        var planned = plan.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("contactId").GetGuid()).ToArray();
        Assert.Equal([hot, cold], planned);
        Assert.Equal("hot_potential", plan.GetProperty("contacts")[0].GetProperty("why").GetString());
        Assert.Equal(2, plan.GetProperty("contacts")[1].GetProperty("windows").GetArrayLength()); // morning and afternoon
        Assert.DoesNotContain(silent, planned);

        var drawn = await tenant.Admin.PostAsJsonAsync("/api/clients/plan", new { date = $"{date:yyyy-MM-dd}" });
        Assert.Equal(HttpStatusCode.OK, drawn.StatusCode);
        await using var clients = platform.Database("clients");
        Assert.Equal(planned, await clients.ExecuteScalarAsync<Guid[]>(
            "SELECT contact_ids FROM daily_plans WHERE tenant_id = @Id", new { tenant.Id }));
        Assert.Equal(1, await clients.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @Id AND message_type LIKE '%.DailyPlanDrawn'", new { tenant.Id }));
    }

    [Fact]
    public async Task An_agent_draws_their_own_plan_only()
    {
        var tenant = await platform.CreateTenantAsync();
        var agent = await platform.CreateUserAsync(tenant, ["agent"]);
        var supervisor = await platform.CreateUserAsync(tenant, ["supervisor"]);
        var someoneElse = Guid.NewGuid();

        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/clients/plan?date=2026-11-23")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/clients/plan?date=2026-11-23&agentId={someoneElse}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/clients/plan?date=2026-11-23&agentId={someoneElse}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await agent.GetAsync("/api/clients/plan?date=23.11.2026")).StatusCode);
    }
}
