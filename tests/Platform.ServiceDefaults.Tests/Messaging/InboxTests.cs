using Platform.ServiceDefaults.Database;
using MassTransit;
using Platform.Contracts.Projects;
using Platform.Testing;
using Xunit;

namespace Platform.ServiceDefaults.Tests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class InboxTests(MessagingHost host)
{
    [Fact]
    public async Task A_message_delivered_twice_has_one_effect()
    {
        var tenantId = Guid.NewGuid();
        var projectCreated = new ProjectCreated(tenantId, Guid.NewGuid(), "Twice", ProjectDirection.Inbound, "UTC", DateTimeOffset.UtcNow);
        var duplicatedId = NewId.NextGuid();
        var distinctId = NewId.NextGuid();

        // The broker redelivers, or a relay republishes after a crash: the same message id arrives again.
        await host.Bus.Publish(projectCreated, context => context.MessageId = duplicatedId);
        await host.Bus.Publish(projectCreated, context => context.MessageId = duplicatedId);
        // A genuinely new message afterwards; handled one at a time, in order, so once it is applied the duplicate was handled.
        await host.Bus.Publish(projectCreated, context => context.MessageId = distinctId);

        await Eventually.HoldsAsync(async () => await host.AppliedAsync(tenantId, projectCreated.ProjectId) >= 2,
            TimeSpan.FromSeconds(10), "the two distinct messages are applied");
        Assert.Equal(2, await host.AppliedAsync(tenantId, projectCreated.ProjectId));

        await using var session = await host.Database.BeginTenantSessionAsync(tenantId, CancellationToken.None);
        var remembered = await session.QueryAsync<Guid>("SELECT message_id FROM inbox_messages", null, CancellationToken.None);
        Assert.Equal(new[] { distinctId, duplicatedId }.Order(), remembered.Order());
    }
}
