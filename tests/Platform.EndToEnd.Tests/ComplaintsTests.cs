using System.Net;
using System.Net.Http.Json;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class ComplaintsTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_complaint_outcome_opens_a_complaint_that_stays_open_until_resolved_and_orders_are_kept()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.PostAsJsonAsync("/api/clients/projects",
            new { name = "Support", direction = "blended", timeZone = "Europe/Prague" })).CreatedIdAsync();
        var contactId = await (await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts", new { name = "Eva", phone = "777 600 001" })).CreatedIdAsync();

        await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{contactId}/outcomes", new { disposition = "complaint", notes = "Router keeps dropping" });
        var order = await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{contactId}/orders", new { description = "New router", amount = 1499.90, currency = "CZK" });

        var complaints = await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}/complaints")).JsonAsync();
        var complaint = Assert.Single(complaints.EnumerateArray());
        Assert.Equal("Router keeps dropping", complaint.GetProperty("subject").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, complaint.GetProperty("resolvedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Created, order.StatusCode);
        Assert.Equal(1499.90m, (await order.JsonAsync()).GetProperty("amount").GetDecimal());

        var complaintId = complaint.GetProperty("id").GetGuid();
        var resolved = await tenant.Admin.PostAsJsonAsync($"/api/clients/complaints/{complaintId}/resolution", new { resolution = "Replaced the router" });
        var again = await tenant.Admin.PostAsJsonAsync($"/api/clients/complaints/{complaintId}/resolution", new { resolution = "Again" });

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, (await resolved.JsonAsync()).GetProperty("resolvedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var export = await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}/export")).JsonAsync();
        Assert.Equal(1, export.GetProperty("complaints").GetArrayLength());
        Assert.Equal(1, export.GetProperty("orders").GetArrayLength());
    }

    [Fact]
    public async Task A_contact_with_an_open_complaint_comes_first_in_the_plan()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.PostAsJsonAsync("/api/clients/projects",
            new { name = "Support", direction = "outbound", timeZone = "Europe/Prague" })).CreatedIdAsync();
        async Task<Guid> Contact(string phone)
        {
            var id = await (await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts", new { name = phone, phone })).CreatedIdAsync();
            foreach (var purpose in new[] { "data_processing", "calls" })
            {
                await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{id}/consents", new { purpose, granted = true, source = "test" });
            }
            return id;
        }
        var first = await Contact("777 600 010");
        var complaining = await Contact("777 600 011");
        await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{complaining}/complaints", new { subject = "Wrong bill" });
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1));
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }

        var plan = await (await tenant.Admin.GetAsync($"/api/clients/plan?date={date:yyyy-MM-dd}&projectId={projectId}")).JsonAsync();

        Assert.Equal([complaining, first], plan.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("contactId").GetGuid()));
        Assert.Equal("open_complaint", plan.GetProperty("contacts")[0].GetProperty("why").GetString());
    }
}
