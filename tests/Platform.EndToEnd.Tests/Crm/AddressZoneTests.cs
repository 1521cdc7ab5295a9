using System.Net;
using System.Net.Http.Json;
using Dapper;
using Platform.Testing;
using Xunit;
using static Platform.EndToEnd.Tests.Crm.CrmWorld;

namespace Platform.EndToEnd.Tests.Crm;

/// <summary>A number of a country of several zones takes its zone from the region of the contact's address (the regions: AddressZonesTests).</summary>
[Collection(PlatformCollection.Name)]
public sealed class AddressZoneTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_russian_mobile_with_an_address_region_gets_that_regions_zone_by_hand_on_edit_and_on_import()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Address zones", null);

        var created = await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts",
            new { name = "Irina", phone = "+7 912 345 67 01", region = "RU-NVS" });
        var refused = await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts",
            new { name = "Oleg", phone = "+7 912 345 67 02", region = "RU-XYZ" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var contact = await created.JsonAsync();
        var contactId = contact.GetProperty("id").GetGuid();
        Assert.Equal("Asia/Novosibirsk", contact.GetProperty("timeZone").GetString());
        Assert.Equal("Asia/Novosibirsk", (await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}/callable")).JsonAsync())
            .GetProperty("timeZone").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("RU-MOW", (await refused.JsonAsync()).GetProperty("errors").GetProperty("region")[0].GetString());

        (await tenant.Admin.PutAsJsonAsync($"/api/clients/contacts/{contactId}",
            new { kind = "person", name = "Irina", phone = "+7 912 345 67 01", region = "RU-PRI", vip = false })).EnsureSuccessStatusCode();
        Assert.Equal("Asia/Vladivostok", (await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}")).JsonAsync())
            .GetProperty("timeZone").GetString());

        var job = await ImportAsync(tenant, projectId, "name,phone,region\nSergei,+7 912 345 67 03,RU-SVE\nNo such region,+7 912 345 67 04,RU-XYZ\nNo region,+7 912 345 67 05,\n");
        Assert.Equal((2, 1), (job.GetProperty("imported").GetInt32(), job.GetProperty("failedRows").GetInt32()));
        Assert.Equal((3, "region"), (job.GetProperty("errors")[0].GetProperty("line").GetInt32(), job.GetProperty("errors")[0].GetProperty("column").GetString()));
        await using var clients = platform.Database("clients");
        var zones = (await clients.QueryAsync<(string Name, string Zone, int Calling)>(
            "SELECT name, time_zone, cardinality(calling_zones) FROM contacts WHERE tenant_id = @Id AND name IN ('Sergei', 'No region') ORDER BY name", new { tenant.Id })).ToList();
        Assert.Equal(("No region", true), (zones[0].Name, zones[0].Calling > 5)); // every zone of Russia: the narrowest window
        Assert.Equal(("Sergei", "Asia/Yekaterinburg", 0), zones[1]);
    }
}
