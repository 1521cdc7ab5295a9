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

    [Fact]
    public async Task An_event_being_written_as_the_erasure_arrives_is_blanked_too()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var number = $"+420777{Random.Shared.Next(100_000, 999_999)}";
        var contactId = await (await world.Admin.PostAsJsonAsync($"/api/clients/projects/{world.ProjectId}/contacts",
            new { name = "Erin Midway", phone = number })).CreatedIdAsync();

        // A batch of the tenant's events is being written (its transaction holds what every such write holds) when the erasure
        // arrives: its trigger ran before anything was erased, and its row is not committed for the erasure to blank.
        await using var writer = platform.Database("reporting");
        await writer.OpenAsync();
        await using var batch = await writer.BeginTransactionAsync();
        await writer.ExecuteAsync($"SELECT pg_advisory_xact_lock_shared({Platform.Reporting.Erasure.ErasureLock.Key})", new { TenantId = world.Tenant.Id }, batch);
        var body = System.Text.Json.JsonSerializer.Serialize(new { tenantId = world.Tenant.Id, callId = Guid.NewGuid(), contactId, projectId = world.ProjectId, callerNumber = number });
        await writer.ExecuteAsync("""
            INSERT INTO event_log (tenant_id, message_id, message_type, occurred_at, body)
            VALUES (@TenantId, @MessageId, 'Platform.Contracts.Queue.CallQueued', now(), CAST(@body AS jsonb))
            """, new { TenantId = world.Tenant.Id, MessageId = Guid.NewGuid(), body }, batch);

        Assert.Equal(HttpStatusCode.NoContent, (await world.Admin.DeleteAsync($"/api/clients/contacts/{contactId}")).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the erasure reaches reporting meanwhile, and waits for the batch
        await using (var look = platform.Database("reporting"))
        {
            Assert.Equal(0, await look.ExecuteScalarAsync<int>("SELECT count(*)::int FROM erased_contacts WHERE contact_id = @contactId", new { contactId }));
        }
        await batch.CommitAsync();

        await Eventually.HoldsAsync(async () => await HeldAsync(world, number) is { Events: 0 }, TimeSpan.FromSeconds(20),
            "the event written in the same moment loses the number");
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
