using System.Net;
using System.Net.Http.Json;
using Platform.EndToEnd.Tests.Security;
using Platform.Testing;
using Xunit;
using static Platform.EndToEnd.Tests.Crm.CrmWorld;

namespace Platform.EndToEnd.Tests.Crm;

/// <summary>Suppression lists (a Robinson list, a client company's own list): uploaded with a scope and a source, obeyed, replaced whole, versioned.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SuppressionListTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_client_companys_list_blocks_its_numbers_in_its_projects_names_itself_and_shows_its_matches()
    {
        var tenant = await platform.CreateTenantAsync();
        var (acme, globex) = (await CompanyAsync(tenant, "Acme"), await CompanyAsync(tenant, "Globex"));
        var (hotline, rival) = (await ProjectAsync(tenant, "Acme hotline", acme), await ProjectAsync(tenant, "Globex sales", globex));
        var listed = (await ContactAsync(tenant, hotline, "Listed", "777 820 001", consent: true)).GetProperty("id").GetGuid();
        var free = (await ContactAsync(tenant, hotline, "Free", "777 820 002", consent: true)).GetProperty("id").GetGuid();
        var elsewhere = (await ContactAsync(tenant, rival, "Listed elsewhere", "777 820 001", consent: true)).GetProperty("id").GetGuid();

        var uploaded = await tenant.Admin.PostAsync("/api/clients/suppression-lists", Samples.SuppressionList("Acme's own list",
            "phone\n777 820 001\n+420 777 820 003\nnot a number\n", "client_company", acme, source: "Acme's letter of 2026-11-02", country: "CZ"));

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var answer = await uploaded.JsonAsync();
        Assert.Equal((2, 1, 4, 1), (answer.GetProperty("list").GetProperty("numbers").GetInt32(), answer.GetProperty("rejected").GetInt32(),
            answer.GetProperty("rejections")[0].GetProperty("line").GetInt32(), answer.GetProperty("contactsBlocked").GetInt32()));
        var listId = answer.GetProperty("list").GetProperty("id").GetGuid();
        Assert.Contains(await WhyNotAsync(tenant, listed), r => r.Contains("'Acme's own list' (version 1, Acme's letter of 2026-11-02)"));
        Assert.DoesNotContain(await WhyNotAsync(tenant, elsewhere), r => r.Contains("suppression"));
        Assert.Equal([free], await PlannedAsync(tenant, hotline));
        Assert.Equal([elsewhere], await PlannedAsync(tenant, rival));
        var card = await (await tenant.Admin.GetAsync($"/api/clients/contacts/{listed}")).JsonAsync();
        Assert.Equal("Acme's own list", card.GetProperty("suppressedBy")[0].GetString());
        var matches = await (await tenant.Admin.GetAsync($"/api/clients/suppression-lists/{listId}/matches")).JsonAsync();
        Assert.Equal([listed], matches.EnumerateArray().Select(m => m.GetProperty("contactId").GetGuid()));
        var byHand = await ContactAsync(tenant, hotline, "Third", "777 820 003");
        Assert.Equal("Acme's own list", byHand.GetProperty("suppressedBy")[0].GetString());
        var job = await ImportAsync(tenant, await ProjectAsync(tenant, "Acme winback", acme), "name,phone\nA,777 820 001\nB,777 820 009\n");
        Assert.Equal((2, 1), (job.GetProperty("imported").GetInt32(), job.GetProperty("suppressed").GetInt32()));
    }

    [Fact]
    public async Task A_re_upload_replaces_the_list_whole_as_a_new_version()
    {
        var tenant = await platform.CreateTenantAsync();
        var hotline = await ProjectAsync(tenant, "Hotline", null);
        var first = (await ContactAsync(tenant, hotline, "First", "777 820 011", consent: true)).GetProperty("id").GetGuid();
        var second = (await ContactAsync(tenant, hotline, "Second", "777 820 012", consent: true)).GetProperty("id").GetGuid();
        var v1 = await tenant.Admin.PostAsync("/api/clients/suppression-lists", Samples.SuppressionList("Robinson CZ", "+420777820011\n", "call_center"));
        var listId = (await v1.JsonAsync()).GetProperty("list").GetProperty("id").GetGuid();

        var v2 = await tenant.Admin.PostAsync("/api/clients/suppression-lists", Samples.SuppressionList("robinson cz", "+420777820012\n", "call_center",
            source: "Robinson registry, December export"));

        Assert.Equal(HttpStatusCode.OK, v2.StatusCode);
        var list = await (await tenant.Admin.GetAsync($"/api/clients/suppression-lists/{listId}")).JsonAsync();
        Assert.Equal((2, 1), (list.GetProperty("version").GetInt32(), list.GetProperty("numbers").GetInt32()));
        Assert.Equal([1, 2], list.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.DoesNotContain(await WhyNotAsync(tenant, first), r => r.Contains("suppression"));
        Assert.Contains(await WhyNotAsync(tenant, second), r => r.Contains("'Robinson CZ' (version 2, Robinson registry, December export)"));
        Assert.Equal([first], await PlannedAsync(tenant, hotline));
        Assert.Single((await (await tenant.Admin.GetAsync("/api/clients/suppression-lists")).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task A_bad_upload_is_refused_and_leaves_nothing_and_only_an_admin_uploads()
    {
        var tenant = await platform.CreateTenantAsync();
        var supervisor = await platform.CreateUserAsync(tenant, ["supervisor"]);

        var noCompany = await tenant.Admin.PostAsync("/api/clients/suppression-lists", Samples.SuppressionList("Acme", "+420777820021\n", "client_company"));
        var strangersCompany = await tenant.Admin.PostAsync("/api/clients/suppression-lists",
            Samples.SuppressionList("Acme", "+420777820021\n", "client_company", Guid.NewGuid()));
        var noNumbers = await tenant.Admin.PostAsync("/api/clients/suppression-lists", Samples.SuppressionList("Empty", "phone\nnothing here\n", "call_center"));
        var bySupervisor = await supervisor.PostAsync("/api/clients/suppression-lists", Samples.SuppressionList("Mine", "+420777820021\n", "call_center"));

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden],
            [noCompany.StatusCode, strangersCompany.StatusCode, noNumbers.StatusCode, bySupervisor.StatusCode]);
        Assert.Empty((await (await tenant.Admin.GetAsync("/api/clients/suppression-lists")).JsonAsync()).EnumerateArray());
    }
}
