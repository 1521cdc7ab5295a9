using MassTransit;
using Npgsql;
using Platform.Contracts.Dialer;
using Platform.ServiceDefaults.Database;

namespace Platform.Clients.Campaigns;

/// <summary>Answers the dialer's <see cref="FindCallList"/>: is this import one of the project's.</summary>
public sealed class FindCallListConsumer(NpgsqlDataSource db) : IConsumer<FindCallList>
{
    public async Task Consume(ConsumeContext<FindCallList> context)
    {
        var request = context.Message;
        await using var session = await db.BeginTenantSessionAsync(request.TenantId, context.CancellationToken);
        var found = await session.QuerySingleOrDefaultAsync<bool>("""
            SELECT EXISTS (SELECT 1 FROM imports WHERE tenant_id = @TenantId AND id = @CallListId AND project_id = @ProjectId)
            """, new { session.TenantId, request.CallListId, request.ProjectId }, context.CancellationToken);
        await session.CommitAsync(context.CancellationToken);
        await context.RespondAsync(new CallListFound(request.TenantId, request.CallListId, found));
    }
}
