using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.EndToEnd.Tests.Security;
using Platform.Testing;
using Xunit;
using static Platform.EndToEnd.Tests.Crm.CrmWorld;

namespace Platform.EndToEnd.Tests.Crm;

[Collection(PlatformCollection.Name)]
public sealed class TypedCustomFieldTests(PlatformUnderTest platform)
{
    private static readonly object[] Fields =
    [
        new { key = "tier", label = "Tier", type = "choice", required = true, choices = new[] { "Gold", "Silver" } },
        new { key = "seats", label = "Seats", type = "number" },
        new { key = "renewal", label = "Renewal", type = "date" },
    ];

    private static async Task<Guid> TypedProjectAsync(TestTenant tenant)
    {
        var projectId = await ProjectAsync(tenant, "Typed fields", null);
        (await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{projectId}/custom-fields", Fields)).EnsureSuccessStatusCode();
        return projectId;
    }

    [Fact]
    public async Task A_card_is_stored_and_shown_by_the_projects_types_and_found_by_a_typed_value()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await TypedProjectAsync(tenant);

        var created = await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts",
            new { name = "Jana Typed", phone = "777 894 001", customFields = new { tier = "gold", seats = "12", renewal = "2027-01-31", extra = "free" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var card = await (await tenant.Admin.GetAsync(created.Headers.Location)).JsonAsync();
        Assert.Equal(JsonValueKind.Number, card.GetProperty("customFields").GetProperty("seats").ValueKind);
        Assert.Equal("Gold", card.GetProperty("customFields").GetProperty("tier").GetString());
        Assert.Equal("free", card.GetProperty("customFields").GetProperty("extra").GetString());
        var shown = card.GetProperty("typedFields").EnumerateArray().ToArray();
        Assert.Equal(["tier", "seats", "renewal"], shown.Select(f => f.GetProperty("key").GetString()));
        Assert.Equal(("number", 12m), (shown[1].GetProperty("type").GetString(), shown[1].GetProperty("value").GetDecimal()));
        Assert.Equal(["Gold", "Silver"], shown[0].GetProperty("choices").EnumerateArray().Select(c => c.GetString()));

        var found = await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts?customField=seats:12.0&customField=tier:GOLD")).JsonAsync();
        Assert.Equal(["Jana Typed"], found.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var wrong = await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts?customField=seats:many");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.JsonAsync()).GetProperty("errors").TryGetProperty("customField.seats", out _));
    }

    [Fact]
    public async Task A_hand_entry_or_edit_that_does_not_fit_is_422_naming_each_field_and_changes_nothing()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await TypedProjectAsync(tenant);

        var refused = await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts",
            new { name = "No Tier", phone = "777 894 011", customFields = new { seats = "many", renewal = "31.1.2027" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await refused.JsonAsync()).GetProperty("errors");
        Assert.Equal(["customFields.renewal", "customFields.seats", "customFields.tier"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Empty((await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts?phone=777894011")).JsonAsync()).EnumerateArray());

        var contactId = await (await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts",
            new { name = "Has Tier", phone = "777 894 012", customFields = new { tier = "Silver" } })).CreatedIdAsync();
        var edit = await tenant.Admin.PutAsJsonAsync($"/api/clients/contacts/{contactId}",
            new { name = "Has Tier", phone = "777 894 012", customFields = new { tier = "Bronze" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, edit.StatusCode);
        Assert.Contains("Gold, Silver", (await edit.JsonAsync()).GetProperty("errors").GetProperty("customFields.tier")[0].GetString());
        var card = await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}")).JsonAsync();
        Assert.Equal(("Silver", 1), (card.GetProperty("customFields").GetProperty("tier").GetString(), card.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task An_imported_row_that_does_not_fit_is_a_row_error_on_its_column()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await TypedProjectAsync(tenant);
        var csv = "name,phone,tier,seats\nFits,777 894 021,gold,3\nWrong seats,777 894 022,silver,three\nNo tier,777 894 023,,4\n";

        var started = await tenant.Admin.PostAsync($"/api/clients/projects/{projectId}/imports",
            Samples.CallList(csv, """{"customFields":["tier","seats"]}"""));
        started.EnsureSuccessStatusCode();
        JsonElement job = default;
        await Eventually.HoldsAsync(async () => (job = await (await tenant.Admin.GetAsync(started.Headers.Location)).JsonAsync()).GetProperty("status").GetString() is "done" or "failed",
            TimeSpan.FromSeconds(30), "the import finishes");

        Assert.Equal(("done", 1, 2), (job.GetProperty("status").GetString(), job.GetProperty("imported").GetInt32(), job.GetProperty("failedRows").GetInt32()));
        var rowErrors = job.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())).ToArray();
        Assert.Equal([(3, "seats"), (4, "tier")], rowErrors);
        var fits = (await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts?customField=seats:3")).JsonAsync()).EnumerateArray().Single();
        Assert.Equal(("Gold", 3m), (fits.GetProperty("customFields").GetProperty("tier").GetString(), fits.GetProperty("customFields").GetProperty("seats").GetDecimal()));
    }

    [Fact]
    public async Task Unsound_definitions_are_400_and_set_nothing()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Bad fields", null);

        var bad = await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{projectId}/custom-fields",
            new object[] { new { key = "tier", type = "choice" }, new { key = "tier", type = "colour" } });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["[0]", "[1]"], (await bad.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Empty((await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/custom-fields")).JsonAsync()).EnumerateArray());
    }
}
