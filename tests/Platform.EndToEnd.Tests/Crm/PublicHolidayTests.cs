using System.Net;
using System.Net.Http.Json;
using Platform.Testing;
using Xunit;
using static Platform.EndToEnd.Tests.Crm.CrmWorld;

namespace Platform.EndToEnd.Tests.Crm;

/// <summary>A project's calendar closes on a country's public holidays (the closing itself: NationalHolidaysTests).</summary>
[Collection(PlatformCollection.Name)]
public sealed class PublicHolidayTests(PlatformUnderTest platform)
{
    private static object Calendar(string country) => new
    {
        weekdays = new { monday = new { open = "09:00", close = "17:00" }, wednesday = new { open = "09:00", close = "17:00" } },
        holidays = new[] { "2026-12-31" },
        publicHolidaysOf = country,
    };

    [Fact]
    public async Task A_contact_is_not_in_the_plan_on_a_public_holiday_of_their_own_country_while_the_companys_calendar_is_open()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Holidays abroad", null);
        (await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{projectId}/calendar", new
        {
            weekdays = new { thursday = new { open = "09:00", close = "17:00" } }, publicHolidaysOf = "CZ",
        })).EnsureSuccessStatusCode();
        var inPrague = (await ContactAsync(tenant, projectId, "In Prague", "777 880 001", consent: true)).GetProperty("id").GetGuid();
        var inNewYork = (await ContactAsync(tenant, projectId, "In New York", "+1 212 736 5000", consent: true)).GetProperty("id").GetGuid();

        // 2026-11-26, a Thursday: Thanksgiving in the US, a working day in Czechia.
        var plan = await (await tenant.Admin.GetAsync($"/api/clients/plan?projectId={projectId}&date=2026-11-26&limit=100")).JsonAsync();
        var weekLater = await (await tenant.Admin.GetAsync($"/api/clients/plan?projectId={projectId}&date=2026-12-03&limit=100")).JsonAsync();

        Assert.Equal([inPrague], plan.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("contactId").GetGuid()));
        Assert.Equal(new[] { inNewYork, inPrague }.Order(), weekLater.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("contactId").GetGuid()).Order());
    }

    [Fact]
    public async Task A_calendar_takes_a_countrys_public_holidays_and_refuses_a_country_it_does_not_know()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Holidays", null);

        var set = await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{projectId}/calendar", Calendar("cz"));
        var refused = await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{projectId}/calendar", Calendar("XX"));

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("CZ", (await refused.JsonAsync()).GetProperty("errors").GetProperty("publicHolidaysOf")[0].GetString());
        var calendar = await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/calendar")).JsonAsync();
        Assert.Equal("CZ", calendar.GetProperty("publicHolidaysOf").GetString());
        Assert.Equal(["2026-12-31"], calendar.GetProperty("holidays").EnumerateArray().Select(h => h.GetString()));
    }
}
