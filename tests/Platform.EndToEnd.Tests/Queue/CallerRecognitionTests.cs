using System.Net.Http.Json;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Queue;

/// <summary>
/// A caller is recognised from the CRM's events while they wait, with no call to the clients service: a contact added
/// there is known to routing by its number in any format, and an edited card moves the number and the VIP flag with it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CallerRecognitionTests(PlatformUnderTest platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_caller_is_the_crms_contact_by_number_and_follows_an_edit_of_the_card()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var contactId = await (await world.Admin.PostAsJsonAsync($"/api/clients/projects/{world.ProjectId}/contacts",
            new { name = "Eva Svobodová", phone = "+420 777 123 456", vip = true })).CreatedIdAsync();

        Guid? recognised = null;
        bool vip = false;
        await Eventually.HoldsAsync(async () =>
        {
            var arrived = await world.CallAsync("+420 777-123-456"); // the same number, written as the PBX writes it
            recognised = arrived.GetProperty("contactId").ValueKind == System.Text.Json.JsonValueKind.Null ? null : arrived.GetProperty("contactId").GetGuid();
            vip = arrived.GetProperty("vip").GetBoolean();
            return recognised is not null;
        }, Soon, "the queue service learns the contact from ContactCreated");
        Assert.Equal(contactId, recognised);
        Assert.True(vip); // VIP from the CRM when the PBX does not say

        var edit = await world.Admin.PutAsJsonAsync($"/api/clients/contacts/{contactId}",
            new { kind = "person", name = "Eva Svobodová", phone = "+420 777 654 321", vip = false });
        Assert.True(edit.IsSuccessStatusCode, await edit.Content.ReadAsStringAsync());

        await Eventually.HoldsAsync(async () =>
        {
            var arrived = await world.CallAsync("+420777654321");
            return arrived.GetProperty("contactId").ValueKind != System.Text.Json.JsonValueKind.Null
                && arrived.GetProperty("contactId").GetGuid() == contactId && !arrived.GetProperty("vip").GetBoolean();
        }, Soon, "the queue service follows ContactUpdated: the new number, no longer VIP");
        var oldNumber = await world.CallAsync("+420777123456");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, oldNumber.GetProperty("contactId").ValueKind);
    }
}
