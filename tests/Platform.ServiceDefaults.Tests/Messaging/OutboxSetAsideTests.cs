using Platform.Contracts.Projects;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Outbox;
using Platform.Testing;
using Xunit;

namespace Platform.ServiceDefaults.Tests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class OutboxSetAsideTests(MessagingHost host)
{
    private static ProjectCreated NewEvent(Guid tenantId, string name) =>
        new(tenantId, Guid.NewGuid(), name, ProjectDirection.Outbound, "Europe/Prague", DateTimeOffset.UtcNow);

    private async Task PublishAndWaitAsync(Guid tenantId, string name)
    {
        var good = NewEvent(tenantId, name);
        await using (var session = await host.Database.BeginTenantSessionAsync(tenantId, CancellationToken.None))
        {
            await session.PublishAsync(good, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }
        await Eventually.HoldsAsync(async () => await host.AppliedAsync(tenantId, good.ProjectId) == 1, TimeSpan.FromSeconds(20), $"{name} arrives");
    }

    private sealed record Poison(int Attempts, bool SetAside, string? LastError);

    private Task<Poison?> PoisonAsync(Guid tenantId) => host.ReadAsync<Poison>(tenantId,
        "SELECT attempts, set_aside_at IS NOT NULL AS set_aside, last_error FROM outbox_messages WHERE message_type = 'Platform.Contracts.NoSuchEvent'");

    [Fact]
    public async Task A_row_that_can_never_be_published_is_set_aside_after_its_tries_while_the_events_beside_it_flow_and_can_be_replayed()
    {
        var tenantId = Guid.NewGuid();
        await using (var session = await host.Database.BeginTenantSessionAsync(tenantId, CancellationToken.None))
        {
            await session.ExecuteAsync("""
                INSERT INTO outbox_messages (message_id, tenant_id, message_type, body) VALUES (@Id, @tenantId, 'Platform.Contracts.NoSuchEvent', '{}');
                SELECT pg_notify('platform_outbox', '');
                """, new { Id = Guid.NewGuid(), tenantId }, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }
        var maxAttempts = new OutboxOptions().MaxAttempts;

        // Every good event wakes the relay, which tries the poison row in the same batch.
        for (var i = 0; i < maxAttempts + 2; i++)
        {
            await PublishAndWaitAsync(tenantId, $"good {i}");
        }

        var poison = await PoisonAsync(tenantId);
        Assert.NotNull(poison);
        Assert.True(poison.SetAside, $"not set aside after {poison.Attempts} tries");
        Assert.Equal(maxAttempts, poison.Attempts); // not tried again once set aside
        Assert.Contains("not a message contract", poison.LastError);

        await using (var session = await host.Database.BeginTenantSessionAsync(tenantId, CancellationToken.None))
        {
            await session.ExecuteAsync("UPDATE outbox_messages SET set_aside_at = NULL, attempts = 0 WHERE message_type = 'Platform.Contracts.NoSuchEvent'", null, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }
        await PublishAndWaitAsync(tenantId, "after the replay");
        // The relay commits its batch after the broker confirmed it, so the consumer may be first: the try shows a moment later.
        await Eventually.HoldsAsync(async () => (await PoisonAsync(tenantId))!.Attempts == 1, TimeSpan.FromSeconds(10),
            "the replayed row is tried again from the start");
    }
}
