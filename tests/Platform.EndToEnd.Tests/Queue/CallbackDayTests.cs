using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Queue.Callbacks;
using Platform.ServiceDefaults.Database;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Queue;

/// <summary>
/// Callbacks not reached while their project is open move to its next opening, by the CRM's calendar: the same callback,
/// shown as carried over, offered first when the project opens. The sweep is run by hand (the test platform turns its
/// timer off so that other tests' callbacks do not depend on the time of day); the night passing is a due time moved back.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CallbackDayTests(PlatformUnderTest platform)
{
    private static readonly TimeZoneInfo Prague = TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague");

    private static readonly object EveryDay = new Dictionary<string, object>
    {
        ["monday"] = new { open = "00:00", close = "23:59" }, ["tuesday"] = new { open = "00:00", close = "23:59" },
        ["wednesday"] = new { open = "00:00", close = "23:59" }, ["thursday"] = new { open = "00:00", close = "23:59" },
        ["friday"] = new { open = "00:00", close = "23:59" }, ["saturday"] = new { open = "00:00", close = "23:59" },
        ["sunday"] = new { open = "00:00", close = "23:59" },
    };

    [Fact]
    public async Task A_callback_not_reached_before_the_project_closes_waits_for_the_next_opening_and_is_offered_first_there()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Prague).DateTime);
        await SetCalendarAsync(world, new { weekdays = EveryDay, exceptions = new[] { new { date = today.ToString("yyyy-MM-dd"), closed = true } } });
        var agent = await world.AddAgentAsync("Morning shift");
        await world.SetMembersAsync(agent);
        var callbackId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        (await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{callbackId}/callback", new { })).EnsureSuccessStatusCode();

        await SweepAsync();

        var carried = await world.CallViewAsync(callbackId);
        var tomorrowMidnight = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), Prague.GetUtcOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        Assert.Equal("waiting", carried.GetProperty("status").GetString());
        Assert.Equal(tomorrowMidnight, carried.GetProperty("callbackDueAt").GetDateTimeOffset());
        Assert.Equal(1, carried.GetProperty("callbackDaysCarried").GetInt32());
        var live = await (await world.Admin.GetAsync($"/api/queue/queues/{world.QueueId}")).JsonAsync();
        var shown = live.GetProperty("waiting").EnumerateArray().Single(w => w.GetProperty("callId").GetGuid() == callbackId);
        Assert.True(shown.GetProperty("carriedOver").GetBoolean());
        Assert.True(shown.GetProperty("callback").GetBoolean());
        await using var db = platform.Database("queue");
        var published = await db.QuerySingleAsync<string>(
            "SELECT body::text FROM outbox_messages WHERE tenant_id = @Id AND message_type LIKE '%.CallbackCarriedOver' AND body->>'callId' = @call",
            new { world.Tenant.Id, call = callbackId.ToString() });
        using (var body = JsonDocument.Parse(published))
        {
            Assert.Equal(tomorrowMidnight, body.RootElement.GetProperty("dueAt").GetDateTimeOffset());
            Assert.Contains("closed that day", body.RootElement.GetProperty("reason").GetString());
        }
        await SweepAsync();
        Assert.Equal(1, (await world.CallViewAsync(callbackId)).GetProperty("callbackDaysCarried").GetInt32());   // moved once

        // Today's calls go on; the callback is not offered before the project opens.
        var today1 = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        await QueueWorld.AvailableAsync(agent);
        Assert.Equal(today1, await world.WaitForOfferAsync(agent));
        (await QueueWorld.AcceptAsync(agent, today1)).EnsureSuccessStatusCode();

        // The night passes: the callback is due; a caller with a higher priority waits too. The callback goes first.
        await db.ExecuteAsync("UPDATE calls SET callback_due_at = now() - interval '1 second' WHERE id = @callbackId", new { callbackId });
        var urgent = (await world.CallAsync(QueueWorld.UniqueNumber(), priority: 5)).GetProperty("callId").GetGuid();
        Assert.Equal(1, (await world.CallViewAsync(callbackId)).GetProperty("position").GetInt32());
        Assert.Equal(2, (await world.CallViewAsync(urgent)).GetProperty("position").GetInt32());
        (await QueueWorld.HangUpAsync(agent, today1)).EnsureSuccessStatusCode();
        (await QueueWorld.WrapUpDoneAsync(agent, today1)).EnsureSuccessStatusCode();
        Assert.Equal(callbackId, await world.WaitForOfferAsync(agent));
        Assert.Equal("waiting", await world.CallStatusAsync(urgent));
    }

    [Fact]
    public async Task A_callback_of_a_project_open_now_stays_due()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await SetCalendarAsync(world, new { weekdays = EveryDay });
        var callbackId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        (await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{callbackId}/callback", new { })).EnsureSuccessStatusCode();

        await SweepAsync();

        var view = await world.CallViewAsync(callbackId);
        Assert.Equal((JsonValueKind.Null, 0), (view.GetProperty("callbackDueAt").ValueKind, view.GetProperty("callbackDaysCarried").GetInt32()));
    }

    private static async Task SetCalendarAsync(QueueWorld world, object calendar)
    {
        var response = await world.Admin.PutAsJsonAsync($"/api/clients/projects/{world.ProjectId}/calendar", calendar);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task SweepAsync()
    {
        var services = platform.Queue.Services;
        var sweep = new CallbackDaySweep(
            services.GetRequiredKeyedService<Npgsql.NpgsqlDataSource>(CrossTenantDataSource.Key), services.GetRequiredService<IBus>(),
            new CallbackDayOptions(), TimeProvider.System, NullLogger<CallbackDaySweep>.Instance);
        await sweep.SweepAsync(CancellationToken.None);
    }
}
