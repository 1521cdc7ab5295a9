using System.Net;
using System.Net.Http.Json;
using Dapper;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Crm;

/// <summary>A project created with its calendar and dispositions in the body gets them, or nothing is created.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ProjectOnboardingTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_calendar_and_dispositions_in_the_creation_body_are_the_projects_own()
    {
        var tenant = await platform.CreateTenantAsync();

        var created = await tenant.Admin.PostAsJsonAsync("/api/clients/projects", new
        {
            name = "Weekend survey", direction = "outbound", timeZone = "Europe/Prague",
            calendar = new
            {
                weekdays = new { saturday = new { open = "10:00", close = "14:00" } },
                holidays = new[] { "2026-12-26" },
            },
            dispositions = new object[]
            {
                new { code = "done", label = "Survey done", category = "sale", move = "none", requiresNextContact = false },
                new { code = "later", label = "Call later", category = "interested", move = "become_hot", requiresNextContact = true },
            },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var projectId = await created.CreatedIdAsync();
        var calendar = await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/calendar")).JsonAsync();
        Assert.Equal(["saturday"], calendar.GetProperty("weekdays").EnumerateObject().Select(d => d.Name));
        Assert.Equal("10:00", calendar.GetProperty("weekdays").GetProperty("saturday").GetProperty("open").GetString());
        Assert.Equal(["2026-12-26"], calendar.GetProperty("holidays").EnumerateArray().Select(h => h.GetString()));
        var dispositions = await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/dispositions")).JsonAsync();
        Assert.Equal(["done", "later"], dispositions.EnumerateArray().Select(d => d.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_wrong_calendar_or_catalogue_is_400_naming_what_is_wrong_and_nothing_is_created()
    {
        var tenant = await platform.CreateTenantAsync();

        var refused = await tenant.Admin.PostAsJsonAsync("/api/clients/projects", new
        {
            name = "Half made", direction = "outbound", timeZone = "Europe/Prague",
            calendar = new { weekdays = new { monday = new { open = "18:00", close = "09:00" } }, holidays = new[] { "soon" } },
            dispositions = new object[] { new { code = "sale", label = "Sale", category = "sale", move = "do_not_call", requiresNextContact = false } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.JsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray();
        Assert.Contains("calendar.weekdays.monday", errors);
        Assert.Contains("calendar.holidays[0]", errors);
        Assert.Contains("dispositions[0]", errors);
        await using var clients = platform.Database("clients");
        Assert.Equal(0, await clients.ExecuteScalarAsync<long>("SELECT count(*) FROM projects WHERE tenant_id = @Id", new { tenant.Id }));
        Assert.Equal(0, await clients.ExecuteScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE tenant_id = @Id", new { tenant.Id }));
    }
}
