using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class ContactEditingTests(PlatformUnderTest platform)
{
    private async Task<(TestTenant Tenant, Guid ProjectId)> ProjectAsync()
    {
        var tenant = await platform.CreateTenantAsync();
        var created = await tenant.Admin.PostAsJsonAsync("/api/clients/projects", new { name = "Acme outbound", direction = "outbound", timeZone = "Europe/Prague" });
        return (tenant, await created.CreatedIdAsync());
    }

    private static async Task<Guid> AddAsync(TestTenant tenant, Guid projectId, string phone, string name = "Jana Nováková") =>
        await (await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts", new { name, phone })).CreatedIdAsync();

    private static Task<HttpResponseMessage> EditAsync(TestTenant tenant, Guid contactId, object card, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/clients/contacts/{contactId}") { Content = JsonContent.Create(card) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return tenant.Admin.SendAsync(request);
    }

    [Fact]
    public async Task An_edited_card_keeps_its_status_and_history_and_tells_the_other_services()
    {
        var (tenant, projectId) = await ProjectAsync();
        var contactId = await AddAsync(tenant, projectId, "777 700 001");
        await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{contactId}/outcomes", new { disposition = "interested", nextContactAt = DateTimeOffset.UtcNow.AddDays(3) });

        var edited = await EditAsync(tenant, contactId, new
        {
            kind = "company", name = "Jana Nováková", company = "Novák s.r.o.", phone = "+1 212 555 0199", vip = true, customFields = new { segment = "gold" },
        });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var card = await edited.JsonAsync();
        Assert.Equal("+12125550199", card.GetProperty("phone").GetString());
        Assert.Equal("America/New_York", card.GetProperty("timeZone").GetString()); // the new number's zone
        Assert.Equal(("company", "Novák s.r.o.", true), (card.GetProperty("kind").GetString(), card.GetProperty("company").GetString(), card.GetProperty("vip").GetBoolean()));
        Assert.Equal("gold", card.GetProperty("customFields").GetProperty("segment").GetString());
        Assert.Equal("hot_potential", card.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, card.GetProperty("nextContactAt").ValueKind);
        var history = await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}/history")).JsonAsync();
        Assert.Equal(2, history.GetProperty("statusMoves").GetArrayLength()); // an edit is not a move
        Assert.Single((await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts?phone=%2B12125550199")).JsonAsync()).EnumerateArray());
        await using var clients = platform.Database("clients");
        var updated = await clients.QuerySingleAsync<string>(
            "SELECT body::text FROM outbox_messages WHERE tenant_id = @Id AND message_type LIKE '%.ContactUpdated'", new { tenant.Id });
        Assert.Contains("+12125550199", updated);
        Assert.Contains(contactId.ToString(), updated);
    }

    [Fact]
    public async Task A_wrong_number_zone_or_taken_number_is_refused_and_the_card_stays_as_it_was()
    {
        var (tenant, projectId) = await ProjectAsync();
        var contactId = await AddAsync(tenant, projectId, "777 700 011");
        await AddAsync(tenant, projectId, "777 700 012", "Petr Svoboda");
        var before = await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}")).Content.ReadAsStringAsync();

        var invalid = await EditAsync(tenant, contactId, new { name = "Jana", phone = "12345" });
        var zone = await EditAsync(tenant, contactId, new { name = "Jana", phone = "777 700 011", timeZone = "Europe/Atlantis" });
        var taken = await EditAsync(tenant, contactId, new { name = "Jana", phone = "+420 777 700 012" });
        var unknown = await EditAsync(tenant, Guid.NewGuid(), new { name = "Jana", phone = "777 700 019" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.JsonAsync()).GetProperty("errors").TryGetProperty("phone", out _));
        Assert.Equal(HttpStatusCode.BadRequest, zone.StatusCode);
        Assert.True((await zone.JsonAsync()).GetProperty("errors").TryGetProperty("timeZone", out _));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("application/problem+json", taken.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(before, await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}")).Content.ReadAsStringAsync());
        await using var clients = platform.Database("clients");
        Assert.Equal(0, await clients.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @Id AND message_type LIKE '%.ContactUpdated'", new { tenant.Id }));
    }

    [Fact]
    public async Task Of_two_agents_editing_the_same_card_the_second_is_told_it_changed_meanwhile()
    {
        var (tenant, projectId) = await ProjectAsync();
        var contactId = await AddAsync(tenant, projectId, "777 700 021");
        var read = await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}");
        var etag = read.Headers.ETag!.Tag;

        var first = await EditAsync(tenant, contactId, new { name = "Jana Nováková", phone = "777 700 021", vip = true }, etag);
        var second = await EditAsync(tenant, contactId, new { name = "Jana Novákova-Dvořáková", phone = "777 700 021" }, etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(etag, first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        var card = await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}")).JsonAsync();
        Assert.Equal(("Jana Nováková", true), (card.GetProperty("name").GetString(), card.GetProperty("vip").GetBoolean()));
        var retried = await EditAsync(tenant, contactId, new { name = "Jana Novákova-Dvořáková", phone = "777 700 021", vip = true }, first.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }

    [Fact]
    public async Task An_outcome_changes_the_cards_version_too()
    {
        var (tenant, projectId) = await ProjectAsync();
        var contactId = await AddAsync(tenant, projectId, "777 700 031");
        var etag = (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}")).Headers.ETag!.Tag;
        await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{contactId}/outcomes", new { disposition = "not_interested" });

        var stale = await EditAsync(tenant, contactId, new { name = "Jana", phone = "777 700 031" }, etag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }
}
