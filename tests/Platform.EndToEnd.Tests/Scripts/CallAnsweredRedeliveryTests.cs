using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Scripts;

/// <summary>CallAnswered as the broker may deliver it: twice (under new message ids too), or for a project with no script yet.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CallAnsweredRedeliveryTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_call_answered_twice_opens_one_session_and_a_project_without_a_script_opens_none()
    {
        var world = await ScriptsWorld.CreateAsync(platform);
        var bare = await ScriptsWorld.CreateAsync(platform, world.Tenant, "No script yet");
        await world.PublishedScriptAsync();
        var bus = platform.Scripts.Services.GetRequiredService<IBus>();
        var callId = Guid.NewGuid();
        var bareCall = Guid.NewGuid();
        var agentId = Guid.NewGuid();
        CallAnswered Answered(Guid call, Guid project) =>
            new(world.Tenant.Id, call, Guid.NewGuid(), project, agentId, null, 3, DateTimeOffset.UtcNow, Guid.NewGuid());
        Guid[] messageIds = [NewId.NextGuid(), NewId.NextGuid(), NewId.NextGuid(), NewId.NextGuid()];

        var first = Answered(callId, world.ProjectId);
        await bus.Publish(first, c => c.MessageId = messageIds[0]);
        await bus.Publish(first, c => c.MessageId = messageIds[0]);            // the same message again
        await bus.Publish(first with { At = first.At.AddSeconds(1) }, c => c.MessageId = messageIds[1]); // a new id, the same call and agent
        await bus.Publish(Answered(bareCall, bare.ProjectId), c => c.MessageId = messageIds[2]);

        await using var db = platform.Database("scripts");
        await Eventually.HoldsAsync(async () => await db.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM inbox_messages WHERE message_id = ANY(@messageIds)", new { messageIds }) == 3,
            TimeSpan.FromSeconds(15), "the scripts service consumed the three distinct messages");
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM script_sessions WHERE call_id = @callId", new { callId }));
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM script_sessions WHERE call_id = @bareCall", new { bareCall }));
        Assert.Single(await world.OutboxAsync("ScriptSessionStarted"), e => e.GetProperty("callId").GetGuid() == callId);
    }
}
