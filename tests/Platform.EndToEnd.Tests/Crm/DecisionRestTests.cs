using System.Net;
using System.Net.Http.Json;
using Platform.Testing;
using Xunit;
using static Platform.EndToEnd.Tests.Crm.CrmWorld;

namespace Platform.EndToEnd.Tests.Crm;

/// <summary>"Not interested" and a fresh contract rest the contact out of the plan until the project's rest is over.</summary>
[Collection(PlatformCollection.Name)]
public sealed class DecisionRestTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task Not_interested_and_a_fresh_contract_keep_the_contact_out_of_the_plan_by_the_projects_rests()
    {
        var tenant = await platform.CreateTenantAsync();
        var resting = await ProjectAsync(tenant, "Resting", null);
        var eager = await ProjectAsync(tenant, "Eager", null);
        var rules = await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{eager}/recycling",
            new { maxAttempts = 6, maxAttemptsPerDay = 2, restDays = new Dictionary<string, int> { ["not_interested"] = 0 } });
        Assert.Equal(HttpStatusCode.OK, rules.StatusCode);
        var refused = (await ContactAsync(tenant, resting, "Said no", "777 320 001", consent: true)).GetProperty("id").GetGuid();
        var signed = (await ContactAsync(tenant, resting, "Just signed", "777 320 002", consent: true)).GetProperty("id").GetGuid();
        var again = (await ContactAsync(tenant, eager, "Said no here", "777 320 003", consent: true)).GetProperty("id").GetGuid();

        var no = await (await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{refused}/outcomes", new { disposition = "not_interested" })).JsonAsync();
        (await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{signed}/outcomes", new { disposition = "sale" })).EnsureSuccessStatusCode();
        (await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{again}/outcomes", new { disposition = "not_interested" })).EnsureSuccessStatusCode();

        var restsUntil = no.GetProperty("contact").GetProperty("nextContactAt").GetDateTimeOffset();
        Assert.InRange(restsUntil, DateTimeOffset.UtcNow.AddDays(89), DateTimeOffset.UtcNow.AddDays(91));
        Assert.Empty(await PlannedAsync(tenant, resting));
        Assert.Equal([again], await PlannedAsync(tenant, eager));
        var read = await (await tenant.Admin.GetAsync($"/api/clients/projects/{resting}/recycling")).JsonAsync();
        Assert.Equal((90, 30), (read.GetProperty("restDays").GetProperty("not_interested").GetInt32(), read.GetProperty("restDays").GetProperty("sale").GetInt32()));
    }
}
