using Platform.Contracts.Projects;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Outbox;
using Platform.Testing;
using Xunit;

namespace Platform.ServiceDefaults.Tests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class OutboxTests(MessagingHost host)
{
    private static ProjectCreated NewEvent(Guid tenantId, string name) =>
        new(tenantId, Guid.NewGuid(), name, ProjectDirection.Outbound, "Europe/Prague", DateTimeOffset.UtcNow);

    [Fact]
    public async Task An_event_of_a_rolled_back_transaction_is_never_sent()
    {
        var tenantId = Guid.NewGuid();
        var rolledBack = NewEvent(tenantId, "rolled back");
        var committed = NewEvent(tenantId, "committed");

        await using (var session = await host.Database.BeginTenantSessionAsync(tenantId, CancellationToken.None))
        {
            await session.PublishAsync(rolledBack, CancellationToken.None);
        } // disposed without commit
        await using (var session = await host.Database.BeginTenantSessionAsync(tenantId, CancellationToken.None))
        {
            await session.PublishAsync(committed, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        await Eventually.HoldsAsync(async () => await host.AppliedAsync(tenantId, committed.ProjectId) == 1,
            TimeSpan.FromSeconds(10), "the committed event arrives");
        Assert.Null(await host.AppliedAsync(tenantId, rolledBack.ProjectId));
        Assert.Equal(1, await host.ReadAsync<long>(tenantId, "SELECT count(*) FROM outbox_messages"));
    }

    [Fact]
    public async Task A_committed_event_is_sent_when_the_commit_lands_not_at_the_next_poll()
    {
        var tenantId = Guid.NewGuid();
        var created = NewEvent(tenantId, "at once");

        await using (var session = await host.Database.BeginTenantSessionAsync(tenantId, CancellationToken.None))
        {
            await session.PublishAsync(created, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        // The host polls every 30 s; arriving well before that means the commit's NOTIFY woke the relay.
        await Eventually.HoldsAsync(async () => await host.AppliedAsync(tenantId, created.ProjectId) == 1,
            MessagingHost.PollInterval / 3, "the event arrives without waiting for a poll");
        Assert.NotNull(await host.ReadAsync<DateTime?>(tenantId, "SELECT sent_at FROM outbox_messages"));
    }

    [Fact]
    public async Task A_session_refuses_an_event_of_another_tenant()
    {
        await using var session = await host.Database.BeginTenantSessionAsync(Guid.NewGuid(), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            session.PublishAsync(NewEvent(Guid.NewGuid(), "foreign"), CancellationToken.None));
    }

    [Fact]
    public async Task A_session_sets_its_tenant_for_row_level_security()
    {
        var tenantId = Guid.NewGuid();
        await using var session = await host.Database.BeginTenantSessionAsync(tenantId, CancellationToken.None);

        var setting = await session.QuerySingleOrDefaultAsync<string>("SELECT current_setting('app.tenant_id')", null, CancellationToken.None);

        Assert.Equal(tenantId.ToString(), setting);
    }
}
