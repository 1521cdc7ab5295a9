using System.Net;
using System.Net.Http.Json;
using Dapper;
using Platform.Contracts.Queue;
using Platform.EndToEnd.Tests.Queue;
using Platform.EndToEnd.Tests.Reporting;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Crm;

/// <summary>An erased contact's number leaves reporting: its call records, the abandoned-caller list and the raw events, and late events of its calls land without it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ErasureReachesReportingTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task Nothing_of_an_erased_caller_remains_in_reporting_and_a_late_event_lands_blanked()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var number = $"+420777{Random.Shared.Next(100_000, 999_999)}"; // a valid Czech mobile (the CRM checks it)
        var contactId = await (await world.Admin.PostAsJsonAsync($"/api/clients/projects/{world.ProjectId}/contacts",
            new { name = "Erin Erased", phone = number })).CreatedIdAsync();
        // The caller hangs up in the queue until the queue service recognises the number as the contact (the earlier
        // abandons are calls of the same number that carry no contact: they must go too).
        var calls = 0;
        await Eventually.HoldsAsync(async () =>
        {
            var callId = await CallMix.AbandonNumberAsync(world, number);
            calls++;
            return (await world.CallViewAsync(callId)).GetProperty("contactId").ValueKind == System.Text.Json.JsonValueKind.String;
        }, TimeSpan.FromSeconds(20), "a call recognised as the contact");
        await Eventually.HoldsAsync(async () => await AbandonedAsync(world, number) && await HeldAsync(world, number) is { Records: > 0, Events: > 0 },
            TimeSpan.FromSeconds(20), "reporting holds the caller's number");
        // Every abandoned call's record has landed (events of the first calls may come after those of the last).
        await Eventually.HoldsAsync(async () => await RecordsAsync(world) == calls, TimeSpan.FromSeconds(20), $"the {calls} calls recorded");
        var recordsBefore = calls;

        Assert.Equal(HttpStatusCode.NoContent, (await world.Admin.DeleteAsync($"/api/clients/contacts/{contactId}")).StatusCode);

        await Eventually.HoldsAsync(async () => await HeldAsync(world, number) is { Records: 0, Events: 0, Parked: 0 },
            TimeSpan.FromSeconds(20), "reporting forgets the number");
        Assert.False(await AbandonedAsync(world, number));
        Assert.Equal(recordsBefore, await RecordsAsync(world)); // the calls are still counted, without a number

        // An event of the erased contact that arrives after the erasure (events travel out of order) keeps no number.
        var late = Guid.NewGuid();
        await new BusEvents(platform).PublishAsync(new CallQueued(world.Tenant.Id, late, world.QueueId, world.ProjectId, contactId, false, 0, 1,
            DateTimeOffset.UtcNow, CallerNumber: number));
        // And one of a call from the number that was not recognised as the contact (an unknown number then): matched by the number.
        await new BusEvents(platform).PublishAsync(new CallQueued(world.Tenant.Id, Guid.NewGuid(), world.QueueId, world.ProjectId, null, false, 0, 1,
            DateTimeOffset.UtcNow, CallerNumber: number));
        await Eventually.HoldsAsync(async () => await RecordsAsync(world) == recordsBefore + 2, TimeSpan.FromSeconds(20), "the late calls counted");
        Assert.Equal((0, 0, 0), await HeldAsync(world, number));
    }

    private static async Task<bool> AbandonedAsync(QueueWorld world, string number) =>
        (await (await world.Admin.GetAsync($"/api/reporting/abandoned-callers?projectId={world.ProjectId}&reached=all")).JsonAsync())
            .EnumerateArray().Any(c => c.GetProperty("callerNumber").GetString() == number);

    /// <summary>The rows of the tenant's reporting that hold the number: call records, raw events, parked events.</summary>
    private async Task<(int Records, int Events, int Parked)> HeldAsync(QueueWorld world, string number)
    {
        await using var db = platform.Database("reporting");
        var digits = number.TrimStart('+');
        return await db.QuerySingleAsync<(int, int, int)>("""
            SELECT (SELECT count(*)::int FROM call_records WHERE tenant_id = @Id AND (caller_number = @number OR callback_number = @number)),
                   (SELECT count(*)::int FROM event_log WHERE tenant_id = @Id AND body::text LIKE '%' || @digits || '%'),
                   (SELECT count(*)::int FROM parked_events WHERE tenant_id = @Id AND body::text LIKE '%' || @digits || '%')
            """, new { world.Tenant.Id, number, digits });
    }

    private async Task<int> RecordsAsync(QueueWorld world)
    {
        await using var db = platform.Database("reporting");
        return await db.QuerySingleAsync<int>("SELECT count(*)::int FROM call_records WHERE tenant_id = @Id", new { world.Tenant.Id });
    }
}
