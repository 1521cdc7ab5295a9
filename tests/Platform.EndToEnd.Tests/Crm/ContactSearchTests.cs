using System.Net;
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
}
