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
    public async Task An_event_written_behind_a_bulk_burst_is_sent_before_the_burst_is_through()
    {
        var importing = Guid.NewGuid();
        var burst = Enumerable.Range(0, 3000).Select(i => NewEvent(importing, $"imported {i}")).ToList();
        await using (var session = await host.Database.BeginTenantSessionAsync(importing, CancellationToken.None))
        {
            await session.PublishManyAsync(burst, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }
        var other = Guid.NewGuid();
        var interactive = NewEvent(other, "created while the import's events wait");
        await using (var session = await host.Database.BeginTenantSessionAsync(other, CancellationToken.None))
        {
            await session.PublishAsync(interactive, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        // The relay's order is what is measured: sent to the broker (a consumer of the same type reads its queue in order).
        await Eventually.HoldsAsync(async () => await host.ReadAsync<bool>(other, "SELECT sent_at IS NOT NULL FROM outbox_messages"),
            TimeSpan.FromSeconds(20), "the interactive event is sent");
        var burstPending = await host.ReadAsync<long>(importing, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");
        Assert.True(burstPending > 1000, $"only {burstPending} of the burst's 3,000 events were still pending: the interactive one waited behind them");
        await Eventually.HoldsAsync(async () => await host.ReadAsync<long>(importing, "SELECT count(*) FROM deliveries") == burst.Count
                && await host.AppliedAsync(other, interactive.ProjectId) == 1,
            TimeSpan.FromSeconds(90), "the burst and the interactive event are delivered");
    }

    [Fact]
    public async Task The_events_of_one_unit_of_work_are_written_at_its_commit_in_the_order_raised_and_all_sent()
    {
        var tenantId = Guid.NewGuid();
        var raised = Enumerable.Range(1, 4).Select(i => NewEvent(tenantId, $"event {i}")).ToList();

        await using (var session = await host.Database.BeginTenantSessionAsync(tenantId, CancellationToken.None))
        {
            foreach (var message in raised)
            {
                await session.PublishAsync(message, CancellationToken.None);
            }
            Assert.Equal(0, await session.QuerySingleOrDefaultAsync<long>("SELECT count(*) FROM outbox_messages", null, CancellationToken.None));
            await session.CommitAsync(CancellationToken.None);
        }

        var written = await host.ReadAsync<string>(tenantId,
            "SELECT string_agg(body->>'name', ',' ORDER BY sequence) FROM outbox_messages");
        Assert.Equal(string.Join(',', raised.Select(m => m.Name)), written);
        await Eventually.HoldsAsync(async () =>
            {
                foreach (var message in raised)
                {
                    if (await host.AppliedAsync(tenantId, message.ProjectId) != 1)
                    {
                        return false;
                    }
                }
                return true;
            },
            TimeSpan.FromSeconds(10), "every event of the unit of work arrives once");
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
