using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Platform.EndToEnd.Tests.Security;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class ContactsTests(PlatformUnderTest platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(15);

    private async Task<(TestTenant Tenant, Guid ProjectId)> ProjectAsync(int? cooldownDays = null)
    {
        var tenant = await platform.CreateTenantAsync();
        var created = await tenant.Admin.PostAsJsonAsync("/api/clients/projects",
            new { name = "Acme outbound", direction = "outbound", timeZone = "Europe/Prague", cooldownDays });
        return (tenant, await created.CreatedIdAsync());
    }

    private static async Task<JsonElement> AddContactAsync(TestTenant tenant, Guid projectId, string phone = "777 123 456", string name = "Jana Nováková")
    {
        var response = await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts", new { name, phone });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    private static Task<HttpResponseMessage> RecordAsync(TestTenant tenant, Guid contactId, string disposition, DateTimeOffset? nextContactAt = null) =>
        tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{contactId}/outcomes", new { disposition, nextContactAt, durationSeconds = 180 });

    [Fact]
    public async Task A_project_starts_with_the_default_calendar_and_dispositions()
    {
        var (tenant, projectId) = await ProjectAsync();

        var calendar = await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/calendar")).JsonAsync();
        var dispositions = await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/dispositions")).JsonAsync();

        Assert.Equal("09:00", calendar.GetProperty("weekdays").GetProperty("monday").GetProperty("open").GetString());
        Assert.False(calendar.GetProperty("weekdays").TryGetProperty("saturday", out _));
        Assert.Contains(dispositions.EnumerateArray(), d => d.GetProperty("code").GetString() == "meeting_set"
            && d.GetProperty("move").GetString() == "become_hot" && d.GetProperty("requiresNextContact").GetBoolean());
    }

    [Fact]
    public async Task A_contact_is_stored_in_e164_with_the_zone_of_its_number_and_found_by_phone_name_and_status()
    {
        var (tenant, projectId) = await ProjectAsync();
        var contact = await AddContactAsync(tenant, projectId, "777 123 456", "Jana Nováková");
        await AddContactAsync(tenant, projectId, "+1 212 555 0123", "John Smith");

        Assert.Equal("+420777123456", contact.GetProperty("phone").GetString());
        Assert.Equal("Europe/Prague", contact.GetProperty("timeZone").GetString());
        Assert.Equal("potential", contact.GetProperty("status").GetString());
        async Task<string[]> Find(string query) => (await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts?{query}")).JsonAsync())
            .EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["Jana Nováková"], await Find("phone=%2B420%20777%20123%20456"));
        Assert.Equal(["John Smith"], await Find("name=joh"));
        Assert.Equal(["Jana Nováková", "John Smith"], await Find("status=potential"));
        Assert.Empty(await Find("status=accompanied"));
    }

    [Fact]
    public async Task An_invalid_or_duplicate_number_is_refused_and_nothing_is_written()
    {
        var (tenant, projectId) = await ProjectAsync();
        await AddContactAsync(tenant, projectId, "777 123 456");

        var invalid = await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts", new { name = "X", phone = "12345" });
        var duplicate = await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts", new { name = "Y", phone = "+420777123456" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.JsonAsync()).GetProperty("errors").TryGetProperty("phone", out _));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var all = await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts")).JsonAsync();
        Assert.Single(all.EnumerateArray());
    }

    [Fact]
    public async Task Outcomes_move_a_contact_through_its_lifecycle_and_every_move_is_in_its_history()
    {
        var (tenant, projectId) = await ProjectAsync();
        var contactId = (await AddContactAsync(tenant, projectId)).GetProperty("id").GetGuid();
        var nextWeek = DateTimeOffset.UtcNow.AddDays(7);

        var interested = await RecordAsync(tenant, contactId, "interested", nextWeek);
        var sold = await RecordAsync(tenant, contactId, "sale");

        Assert.Equal(HttpStatusCode.Created, interested.StatusCode);
        var afterInterest = (await interested.JsonAsync()).GetProperty("contact");
        Assert.Equal("hot_potential", afterInterest.GetProperty("status").GetString());
        Assert.Equal(nextWeek.UtcDateTime, afterInterest.GetProperty("nextContactAt").GetDateTime(), TimeSpan.FromMilliseconds(1));
        Assert.Equal("accompanied", (await sold.JsonAsync()).GetProperty("contact").GetProperty("status").GetString());
        var history = await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}/history")).JsonAsync();
        Assert.Equal(["potential", "hot_potential", "accompanied"],
            history.GetProperty("statusMoves").EnumerateArray().Select(m => m.GetProperty("to").GetString()));
        Assert.All(history.GetProperty("statusMoves").EnumerateArray(), m => Assert.NotEqual(JsonValueKind.Null, m.GetProperty("byUser").ValueKind));
        Assert.Equal(["interested", "sale"], history.GetProperty("outcomes").EnumerateArray().Select(o => o.GetProperty("dispositionCode").GetString()));
        await using var clients = platform.Database("clients");
        var events = (await clients.QueryAsync<string>("SELECT message_type FROM outbox_messages WHERE tenant_id = @Id", new { tenant.Id })).ToList();
        Assert.Equal(2, events.Count(e => e.EndsWith(".ContactStatusChanged")));
        Assert.Single(events, e => e.EndsWith(".CallbackScheduled"));
    }

    [Fact]
    public async Task A_refused_outcome_says_why_and_changes_nothing()
    {
        var (tenant, projectId) = await ProjectAsync();
        var contactId = (await AddContactAsync(tenant, projectId)).GetProperty("id").GetGuid();

        var illegal = await RecordAsync(tenant, contactId, "contract_ended");          // a potential client has no contract
        var unknown = await RecordAsync(tenant, contactId, "teleported");
        var undated = await RecordAsync(tenant, contactId, "callback");                 // a callback needs its date
        var past = await RecordAsync(tenant, contactId, "callback", DateTimeOffset.UtcNow.AddDays(-1));

        Assert.Equal(HttpStatusCode.Conflict, illegal.StatusCode);
        Assert.Contains("accompanied", (await illegal.JsonAsync()).GetProperty("detail").GetString());
        Assert.True((await unknown.JsonAsync()).GetProperty("errors").TryGetProperty("disposition", out _));
        Assert.True((await undated.JsonAsync()).GetProperty("errors").TryGetProperty("nextContactAt", out _));
        Assert.True((await past.JsonAsync()).GetProperty("errors").TryGetProperty("nextContactAt", out _));
        var history = await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}/history")).JsonAsync();
        Assert.Single(history.GetProperty("statusMoves").EnumerateArray());
        Assert.Empty(history.GetProperty("outcomes").EnumerateArray());
    }

    [Fact]
    public async Task A_churned_client_becomes_potential_again_by_itself_when_the_cooldown_is_over()
    {
        var (tenant, projectId) = await ProjectAsync(cooldownDays: 0);
        var contactId = (await AddContactAsync(tenant, projectId)).GetProperty("id").GetGuid();
        await RecordAsync(tenant, contactId, "sale");

        var ended = await RecordAsync(tenant, contactId, "contract_ended");
        Assert.Equal("churned", (await ended.JsonAsync()).GetProperty("contact").GetProperty("status").GetString());

        await Eventually.HoldsAsync(async () =>
                (await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}")).JsonAsync()).GetProperty("status").GetString() == "potential",
            Soon, "the cooldown sweep moves the churned contact to potential");
        var last = (await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}/history")).JsonAsync())
            .GetProperty("statusMoves").EnumerateArray().Last();
        Assert.Equal(("churned", "potential"), (last.GetProperty("from").GetString(), last.GetProperty("to").GetString()));
        Assert.Equal(JsonValueKind.Null, last.GetProperty("byUser").ValueKind); // the platform moved it
    }

    [Fact]
    public async Task A_churned_client_waits_out_a_real_cooldown()
    {
        var (tenant, projectId) = await ProjectAsync(cooldownDays: 30);
        var contactId = (await AddContactAsync(tenant, projectId)).GetProperty("id").GetGuid();
        await RecordAsync(tenant, contactId, "sale");

        var ended = await (await RecordAsync(tenant, contactId, "contract_ended")).JsonAsync();
        await Task.Delay(TimeSpan.FromSeconds(3)); // several sweeps

        var contact = await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}")).JsonAsync();
        Assert.Equal("churned", contact.GetProperty("status").GetString());
        Assert.Equal(DateTime.UtcNow.AddDays(30), contact.GetProperty("cooldownUntil").GetDateTime(), TimeSpan.FromMinutes(1));
        Assert.Equal(ended.GetProperty("contact").GetProperty("cooldownUntil").GetDateTime(), contact.GetProperty("cooldownUntil").GetDateTime());
    }

    [Fact]
    public async Task May_I_call_now_answers_with_every_reason_and_follows_consent_and_do_not_call()
    {
        var (tenant, projectId) = await ProjectAsync();
        // Open around the clock, every day, so the answer does not depend on when the test runs.
        var allWeek = Enum.GetNames<DayOfWeek>().ToDictionary(d => d.ToLowerInvariant(), _ => new { open = "00:00", close = "23:59" });
        Assert.Equal(HttpStatusCode.OK, (await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{projectId}/calendar", new { weekdays = allWeek })).StatusCode);
        var contactId = (await AddContactAsync(tenant, projectId)).GetProperty("id").GetGuid();
        async Task<JsonElement> Callable() => await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}/callable")).JsonAsync();
        Task<HttpResponseMessage> Consent(string purpose, bool granted) =>
            tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{contactId}/consents", new { purpose, granted, source = "call 2026-11-22" });

        var before = await Callable();
        Assert.False(before.GetProperty("mayCall").GetBoolean());
        Assert.Equal(2, before.GetProperty("reasons").GetArrayLength()); // no consent to data processing, none to calls

        Assert.Equal(HttpStatusCode.Created, (await Consent("data_processing", true)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Consent("calls", true)).StatusCode);
        Assert.True((await Callable()).GetProperty("mayCall").GetBoolean());

        await Consent("calls", false);
        Assert.Contains("consent to calls withdrawn", (await Callable()).GetProperty("reasons")[0].GetString());

        await Consent("calls", true);
        await RecordAsync(tenant, contactId, "do_not_call");
        var refused = await Callable();
        Assert.False(refused.GetProperty("mayCall").GetBoolean());
        Assert.Contains(refused.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("do not call"));
        Assert.Equal(HttpStatusCode.Conflict, (await RecordAsync(tenant, contactId, "sale")).StatusCode); // final
        Assert.Equal(4, (await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}/consents")).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task A_calendar_or_catalogue_that_cannot_work_is_refused_field_by_field()
    {
        var (tenant, projectId) = await ProjectAsync();

        var calendar = await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{projectId}/calendar", new
        {
            weekdays = new { monday = new { open = "17:00", close = "09:00" }, funday = new { open = "09:00", close = "17:00" } },
            holidays = new[] { "24.12.2026" },
        });
        var catalogue = await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{projectId}/dispositions", new[]
        {
            new { code = "sale", label = "Sale", category = "sale", move = "sign_contract", requiresNextContact = false },
            new { code = "sale", label = "Again", category = "bogus", move = "teleport", requiresNextContact = false },
        });

        var calendarErrors = (await calendar.JsonAsync()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, calendar.StatusCode);
        Assert.True(calendarErrors.TryGetProperty("weekdays.monday", out _) && calendarErrors.TryGetProperty("weekdays.funday", out _)
            && calendarErrors.TryGetProperty("holidays[0]", out _));
        Assert.Equal(HttpStatusCode.BadRequest, catalogue.StatusCode);
        Assert.Contains("appears twice", (await catalogue.JsonAsync()).GetProperty("errors").GetProperty("dispositions[1]")[0].GetString());
        Assert.Equal("09:00", (await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/calendar")).JsonAsync())
            .GetProperty("weekdays").GetProperty("monday").GetProperty("open").GetString());
    }
}
