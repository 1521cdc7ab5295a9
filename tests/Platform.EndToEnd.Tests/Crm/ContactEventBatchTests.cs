using System.Net.Http.Json;
using System.Text;
using Dapper;
using Platform.Testing;
using Xunit;
using static Platform.EndToEnd.Tests.Crm.CrmWorld;

namespace Platform.EndToEnd.Tests.Crm;

/// <summary>The queue and scripts services take ContactCreated and ContactUpdated in batches: every contact arrives, the newest card wins.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ContactEventBatchTests(PlatformUnderTest platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_imported_contact_reaches_the_queue_and_scripts_services()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Batch import", null);
        var csv = new StringBuilder("name,phone\n");
        for (var i = 0; i < 450; i++)
        {
            csv.Append($"Batch contact {i},+420 778 {i:D6}\n");
        }

        var job = await ImportAsync(tenant, projectId, csv.ToString());

        Assert.Equal(450, job.GetProperty("imported").GetInt32());
        await using var queue = platform.Database("queue");
        await using var scripts = platform.Database("scripts");
        await Eventually.HoldsAsync(async () =>
            await queue.ExecuteScalarAsync<long>("SELECT count(*) FROM contact_directory WHERE tenant_id = @Id AND project_id = @projectId", new { tenant.Id, projectId }) == 450
            && await scripts.ExecuteScalarAsync<long>("SELECT count(*) FROM contacts WHERE tenant_id = @Id AND project_id = @projectId", new { tenant.Id, projectId }) == 450,
            Soon, "the queue and scripts services hold every imported contact");
        Assert.Equal("+420778000449", await queue.ExecuteScalarAsync<string>(
            "SELECT phone FROM contact_directory WHERE tenant_id = @Id AND name = 'Batch contact 449'", new { tenant.Id }));
    }

    [Fact]
    public async Task Of_several_edits_of_one_card_in_quick_succession_the_newest_is_kept()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Batch edits", null);
        var contactId = (await ContactAsync(tenant, projectId, "Edit 0", "777 330 001")).GetProperty("id").GetGuid();
        await using var queue = platform.Database("queue");
        await using var scripts = platform.Database("scripts");
        // (ContactCreated and ContactUpdated travel on two endpoints: an edit before the creation arrived would find no card.)
        await Eventually.HoldsAsync(async () =>
            await queue.ExecuteScalarAsync<long>("SELECT count(*) FROM contact_directory WHERE tenant_id = @Id AND contact_id = @contactId", new { tenant.Id, contactId }) == 1
            && await scripts.ExecuteScalarAsync<long>("SELECT count(*) FROM contacts WHERE tenant_id = @Id AND id = @contactId", new { tenant.Id, contactId }) == 1,
            Soon, "both services know the contact");

        for (var i = 1; i <= 5; i++)
        {
            (await tenant.Admin.PutAsJsonAsync($"/api/clients/contacts/{contactId}",
                new { kind = "person", name = $"Edit {i}", phone = $"777 330 00{i}", timeZone = "Europe/Prague", vip = i % 2 == 1 })).EnsureSuccessStatusCode();
        }

        await Eventually.HoldsAsync(async () =>
            await queue.ExecuteScalarAsync<string>("SELECT name FROM contact_directory WHERE tenant_id = @Id AND contact_id = @contactId", new { tenant.Id, contactId }) == "Edit 5"
            && await scripts.ExecuteScalarAsync<string>("SELECT name FROM contacts WHERE tenant_id = @Id AND id = @contactId", new { tenant.Id, contactId }) == "Edit 5",
            Soon, "both services keep the newest card");
        var kept = await queue.QuerySingleAsync<(string Phone, bool Vip)>(
            "SELECT phone, vip FROM contact_directory WHERE tenant_id = @Id AND contact_id = @contactId", new { tenant.Id, contactId });
        Assert.Equal(("+420777330005", true), kept);
    }
}
