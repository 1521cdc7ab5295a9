using System.Net;
using System.Net.Http.Json;
using Platform.Testing;
using Xunit;
using static Platform.EndToEnd.Tests.Crm.CrmWorld;

namespace Platform.EndToEnd.Tests.Crm;

[Collection(PlatformCollection.Name)]
public sealed class ContactSearchTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task Any_part_of_the_name_finds_the_contact_whatever_its_case_and_accents()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Search", null);
        foreach (var (name, phone) in new[] { ("Jana Novák", "777 891 001"), ("Petr NOVÁKOVÁ", "777 891 002"), ("Łukasz Żółw", "777 891 003"), ("Eva 50%_off", "777 891 004") })
        {
            await ContactAsync(tenant, projectId, name, phone);
        }
        async Task<string[]> Find(string part) =>
            (await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts?name={Uri.EscapeDataString(part)}")).JsonAsync())
                .EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray();

        Assert.Equal(["Jana Novák", "Petr NOVÁKOVÁ"], await Find("novak"));
        Assert.Equal(["Łukasz Żółw"], await Find("ZOLW"));
        Assert.Equal(["Eva 50%_off"], await Find("%_"));
        Assert.Empty(await Find("nowak"));
    }

    [Fact]
    public async Task A_long_list_pages_by_cursor_without_a_cap_skipping_or_repeating_nobody()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Paging", null);
        for (var i = 0; i < 5; i++)
        {
            await ContactAsync(tenant, projectId, $"Contact {i}", $"777 892 00{i}");
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            seen.AddRange((await page.JsonAsync()).EnumerateArray().Select(c => c.GetProperty("name").GetString()!));
            cursor = page.Headers.TryGetValues("X-Next-Cursor", out var next) ? next.Single() : null;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(["Contact 0", "Contact 1", "Contact 2", "Contact 3", "Contact 4"], seen);
        Assert.Equal(3, pages);
        Assert.Equal(HttpStatusCode.BadRequest, (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts?cursor=nonsense!")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts?limit=5000")).StatusCode);
    }

    [Fact]
    public async Task Contacts_are_found_by_latest_disposition_next_contact_range_and_custom_field_and_the_export_honours_it()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Filters", null);
        async Task<Guid> Add(string name, string phone, object fields) =>
            await (await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts", new { name, phone, customFields = fields })).CreatedIdAsync();
        var soon = DateTimeOffset.UtcNow.AddDays(2);
        var later = DateTimeOffset.UtcNow.AddDays(20);
        var gold = await Add("Alena Gold", "777 893 001", new { tier = "gold", city = "Brno" });
        var silver = await Add("Bohdan Silver", "777 893 002", new { tier = "silver", city = "Brno" });
        var goldLater = await Add("Cyril Gold", "777 893 003", new { tier = "gold" });
        await Add("Dana Untouched", "777 893 004", new { tier = "gold" });
        async Task Outcome(Guid id, string disposition, DateTimeOffset? next) =>
            (await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{id}/outcomes", new { disposition, nextContactAt = next })).EnsureSuccessStatusCode();
        await Outcome(gold, "not_interested", null);
        await Outcome(gold, "callback", soon); // the latest outcome counts
        await Outcome(silver, "callback", soon);
        await Outcome(goldLater, "callback", later);

        async Task<string[]> Find(string query) =>
            (await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts?{query}")).JsonAsync())
                .EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray();
        var to = Uri.EscapeDataString(soon.AddDays(1).ToString("yyyy-MM-dd"));

        Assert.Equal(["Alena Gold", "Bohdan Silver", "Cyril Gold"], await Find("disposition=callback"));
        Assert.Empty(await Find("disposition=not_interested"));
        Assert.Equal(["Alena Gold", "Bohdan Silver"], await Find($"nextContactTo={to}"));
        Assert.Equal(["Cyril Gold"], await Find($"nextContactFrom={Uri.EscapeDataString(soon.AddDays(5).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"))}"));
        Assert.Equal(["Alena Gold", "Cyril Gold", "Dana Untouched"], await Find("customField=tier:gold"));
        Assert.Equal(["Alena Gold"], await Find($"customField=tier:gold&customField=city:Brno&disposition=callback&nextContactTo={to}"));
        Assert.Equal(["Alena Gold"], await Find($"customField=tier:gold&disposition=callback&nextContactTo={to}&limit=1"));

        var export = await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts/export?customField=tier:gold&disposition=callback")).Content.ReadAsStringAsync();
        var lines = export.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length); // the header, Alena and Cyril
        Assert.Contains("LastDisposition", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"{gold};Alena Gold;") && l.Contains(";callback;"));
        Assert.Contains(lines, l => l.StartsWith($"{goldLater};Cyril Gold;"));

        var stranger = await platform.CreateTenantAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts?customField=tier:gold")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts/export?disposition=callback")).StatusCode);
    }

    [Theory]
    [InlineData("nextContactFrom=tomorrow", "nextContactFrom")]
    [InlineData("nextContactFrom=2026-12-10&nextContactTo=2026-12-01", "nextContactTo")]
    [InlineData("customField=novalue", "customField")]
    [InlineData("customField=:gold", "customField")]
    [InlineData("customField=tier:a&customField=tier:b", "customField")]
    public async Task A_search_with_a_wrong_filter_is_400_naming_it(string query, string field)
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Bad filters", null);

        foreach (var path in new[] { "contacts", "contacts/export" })
        {
            var answer = await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/{path}?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.True((await answer.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), $"{path}?{query} names {field}");
        }
    }
}
