using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Platform.EndToEnd.Tests.Queue;
using Platform.Queue.Dialer.Dialing;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Dialer;

/// <summary>
/// The CRM grants a campaign's lease short and only a committed dial lengthens it: a lease whose answer the dialer never
/// used (a request that timed out, a tick rolled back, a replica gone) frees its contact in minutes, not after the
/// 4-hour hold a dialed contact gets.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LeaseHoldTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_lease_no_dial_was_placed_on_lapses_soon_and_its_contact_is_dialed_while_a_dialed_one_is_held()
    {
        var world = await DialerWorld.CreateAsync(platform);
        var orphan = await world.ContactAsync("Leased, never dialed");
        var agent = await world.AgentAsync("Lease holder");
        var campaignId = await world.CampaignAsync("progressive", [agent]);

        // A lease the dialer asked for and then lost (as when its tick rolls back after the CRM answered).
        var options = platform.Queue.Services.GetRequiredService<DialerOptions>();
        var leasing = platform.Queue.Services.GetRequiredService<ContactLeasing>();
        var leased = await leasing.LeaseAsync(world.Tenant.Id, new ContactLeasing.Source(campaignId, world.ProjectId, [], false, null, null), 1,
            DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Equal(orphan, Assert.Single(leased.Contacts).ContactId);
        var orphanEnd = await LeaseEndAsync(orphan);
        Assert.InRange(orphanEnd, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddSeconds(options.PendingLeaseSeconds + 5));

        // The campaign dials what it may: a second contact, held for hours once its dial is committed.
        var dialed = await world.ContactAsync("Dialed");
        await world.StartAsync(campaignId);
        await QueueWorld.AvailableAsync(agent);
        var first = Assert.Single(await world.WaitForCommandsAsync("dial_out", 1, "the free contact is dialed"));
        Assert.Equal(dialed, first.GetProperty("body").GetProperty("contactId").GetGuid());
        await Eventually.HoldsAsync(async () => await LeaseEndAsync(dialed) > DateTimeOffset.UtcNow.AddMinutes(options.LeaseMinutes - 5),
            TimeSpan.FromSeconds(20), "the dialed contact is held for the campaign's lease time");
        Assert.Equal(orphanEnd, await LeaseEndAsync(orphan));   // the lost lease is not lengthened

        // The lost lease's pending time passes (moved, not waited for): the contact is free, and the agent, free again after a
        // busy line, gets it.
        await using (var clients = platform.Database("clients"))
        {
            await clients.ExecuteAsync("UPDATE contact_leases SET leased_until = now() - interval '1 second' WHERE contact_id = @orphan", new { orphan });
        }
        await world.ReportAsync(first.GetProperty("body").GetProperty("callId").GetGuid(), "busy");
        var second = await world.WaitForCommandsAsync("dial_out", 2, "the contact of the lost lease is dialed once it lapses");
        Assert.Equal(orphan, second[1].GetProperty("body").GetProperty("contactId").GetGuid());
    }

    private async Task<DateTimeOffset> LeaseEndAsync(Guid contactId)
    {
        await using var db = platform.Database("clients");
        return new DateTimeOffset(DateTime.SpecifyKind(
            await db.QuerySingleAsync<DateTime>("SELECT leased_until FROM contact_leases WHERE contact_id = @contactId", new { contactId }), DateTimeKind.Utc));
    }
}
