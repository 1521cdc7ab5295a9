using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Platform.EndToEnd.Tests.Security;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

/// <summary>A do-not-call request is final: it survives the erasure of the person who made it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class DoNotCallTests(PlatformUnderTest platform)
{
    private static async Task<Guid> ProjectAsync(TestTenant tenant, string name) =>
        await (await tenant.Admin.PostAsJsonAsync("/api/clients/projects", new { name, direction = "outbound", timeZone = "Europe/Prague" })).CreatedIdAsync();

    private static async Task<Guid> ErasedDoNotCallAsync(TestTenant tenant, Guid projectId, string phone)
    {
        var contactId = await (await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts", new { name = "Eva Dvořáková", phone })).CreatedIdAsync();
        (await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{contactId}/outcomes", new { disposition = "do_not_call" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Admin.DeleteAsync($"/api/clients/contacts/{contactId}")).StatusCode);
        return contactId;
    }

    private static async Task<JsonElement> ImportAsync(TestTenant tenant, Guid projectId, string csv)
    {
        var started = await tenant.Admin.PostAsync($"/api/clients/projects/{projectId}/imports", Samples.CallList(csv));
        var location = started.Headers.Location!.OriginalString;
        JsonElement job = default;
        await Eventually.HoldsAsync(async () => (job = await (await tenant.Admin.GetAsync(location)).JsonAsync()).GetProperty("status").GetString() is "done" or "failed",
            TimeSpan.FromSeconds(30), "the import finishes");
        return job;
    }

    [Fact]
    public async Task An_erased_do_not_call_number_comes_back_as_do_not_call_by_hand_or_by_list_in_every_project()
    {
        var tenant = await platform.CreateTenantAsync();
        var first = await ProjectAsync(tenant, "Winback");
        var second = await ProjectAsync(tenant, "Next year's campaign");
        await ErasedDoNotCallAsync(tenant, first, "777 800 001");

        var byHand = await (await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{first}/contacts", new { name = "Eva D.", phone = "+420777800001" })).JsonAsync();
        var job = await ImportAsync(tenant, second, "name,phone\nEva Dvořáková,777 800 001\nNew Lead,777 800 002\n");

        Assert.Equal("do_not_call", byHand.GetProperty("status").GetString());
        Assert.Equal((2, 1), (job.GetProperty("imported").GetInt32(), job.GetProperty("doNotCall").GetInt32()));
        async Task<string?> StatusOf(Guid projectId, string phone) =>
            (await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts?phone={phone}")).JsonAsync())[0].GetProperty("status").GetString();
        Assert.Equal("do_not_call", await StatusOf(second, "777800001"));
        Assert.Equal("potential", await StatusOf(second, "777800002"));
        var history = await (await tenant.Admin.GetAsync($"/api/clients/contacts/{byHand.GetProperty("id").GetGuid()}/history")).JsonAsync();
        Assert.Contains("do-not-call list", history.GetProperty("statusMoves")[0].GetProperty("reason").GetString());
        var plan = await (await tenant.Admin.GetAsync($"/api/clients/plan?projectId={second}&limit=100")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Eva", plan);
    }

    [Fact]
    public async Task The_list_keeps_a_keyed_hash_never_the_number_and_binds_only_its_own_call_center()
    {
        var tenant = await platform.CreateTenantAsync();
        var other = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Winback");
        await ErasedDoNotCallAsync(tenant, projectId, "777 800 011");
        var potentialThenErased = await (await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts", new { name = "Asked to be forgotten", phone = "777 800 012" })).CreatedIdAsync();
        await tenant.Admin.DeleteAsync($"/api/clients/contacts/{potentialThenErased}");

        await using var clients = platform.Database("clients");
        var hashes = (await clients.QueryAsync<string>("SELECT phone_hash FROM do_not_call_numbers WHERE tenant_id = @Id", new { tenant.Id })).ToList();
        var hash = Assert.Single(hashes); // an erasure without a do-not-call request leaves nothing behind
        Assert.DoesNotContain("777800011", hash);
        Assert.Equal(0, await clients.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM do_not_call_numbers d WHERE d.phone_hash LIKE '%777800011%' OR d.phone_hash LIKE '%+420%'"));
        var elsewhere = await (await other.Admin.PostAsJsonAsync($"/api/clients/projects/{await ProjectAsync(other, "Theirs")}/contacts",
            new { name = "Eva", phone = "777 800 011" })).JsonAsync();
        Assert.Equal("potential", elsewhere.GetProperty("status").GetString()); // another call center's request is not this one's
        var again = await (await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts", new { name = "Forgotten", phone = "777 800 012" })).JsonAsync();
        Assert.Equal("potential", again.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_card_cannot_be_edited_onto_a_number_that_asked_never_to_be_called()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Winback");
        await ErasedDoNotCallAsync(tenant, projectId, "777 800 021");
        var contactId = await (await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts", new { name = "Karel", phone = "777 800 022" })).CreatedIdAsync();

        var moved = await tenant.Admin.PutAsJsonAsync($"/api/clients/contacts/{contactId}", new { name = "Karel", phone = "777 800 021" });

        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        Assert.Equal("+420777800022", (await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}")).JsonAsync()).GetProperty("phone").GetString());
    }
}
