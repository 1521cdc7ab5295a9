using System.Net;
using System.Net.Http.Json;
using Dapper;
using Platform.Testing;
using Xunit;
using static Platform.EndToEnd.Tests.Crm.CrmWorld;

namespace Platform.EndToEnd.Tests.Crm;

/// <summary>Sent outbox rows keep their bodies for a week: erasure blanks the contact's personal data in them too.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ErasureReachesOutboxTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task Erasure_blanks_the_contact_in_the_sent_outbox_rows_and_keeps_the_other_contacts_of_its_import_batch()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Outbox erasure", null);
        var job = await ImportAsync(tenant, projectId, "name,phone\nOlga Vymazaná,+420 777 881 001\nPetr Zůstává,+420 777 881 002\n");
        Assert.Equal(2, job.GetProperty("imported").GetInt32());
        await using var clients = platform.Database("clients");
        var olga = await clients.ExecuteScalarAsync<Guid>("SELECT id FROM contacts WHERE tenant_id = @Id AND phone = '+420777881001'", new { tenant.Id });
        (await tenant.Admin.PutAsJsonAsync($"/api/clients/contacts/{olga}",
            new { kind = "person", name = "Olga Nová", phone = "777 881 003", timeZone = "Europe/Prague", vip = false })).EnsureSuccessStatusCode();
        (await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{olga}/consents", new { purpose = "calls", granted = true, source = "call with Olga" }))
            .EnsureSuccessStatusCode();
        const string olgasRows = """
            SELECT count(*) FROM outbox_messages WHERE tenant_id = @Id
              AND (body::text LIKE '%Olga%' OR body::text LIKE '%777881001%' OR body::text LIKE '%777881003%')
            """;
        Assert.Equal(3, await clients.ExecuteScalarAsync<long>(olgasRows, new { tenant.Id })); // the import's batch, the edit, the consent
        await Eventually.HoldsAsync(async () => await clients.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @Id AND sent_at IS NULL", new { tenant.Id }) == 0,
            TimeSpan.FromSeconds(30), "the relay has sent every event");

        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Admin.DeleteAsync($"/api/clients/contacts/{olga}")).StatusCode);

        Assert.Equal(0, await clients.ExecuteScalarAsync<long>(olgasRows, new { tenant.Id }));
        var batch = await clients.QuerySingleAsync<string>(
            "SELECT body::text FROM outbox_messages WHERE tenant_id = @Id AND message_type LIKE '%.ContactsImported'", new { tenant.Id });
        Assert.Contains("Petr Zůstává", batch);     // the batch's other contact is untouched ...
        Assert.Contains("+420777881002", batch);
        Assert.Contains(olga.ToString(), batch);     // ... and the erased one is still listed, without their data
        Assert.Equal(1, await clients.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @Id AND message_type LIKE '%.ContactErased' AND body->>'contactId' = @contact",
            new { tenant.Id, contact = olga.ToString() }));
    }
}
