using MassTransit;
using Npgsql;
using Platform.Contracts.Dialer;
using Platform.ServiceDefaults.Database;

namespace Platform.Clients.Campaigns;

/// <summary>Answers the dialer's <see cref="FindCallList"/>: is this import one of the project's, and how far has it got.</summary>
public sealed class FindCallListConsumer(NpgsqlDataSource db) : IConsumer<FindCallList>
{
    public async Task Consume(ConsumeContext<FindCallList> context)
    {
        var request = context.Message;
        await using var session = await db.BeginTenantSessionAsync(request.TenantId, context.CancellationToken);
        var list = await session.QuerySingleOrDefaultAsync<(string FileName, string Status, int Imported)?>("""
            SELECT file_name, status, imported FROM imports WHERE tenant_id = @TenantId AND id = @CallListId AND project_id = @ProjectId
            """, new { session.TenantId, request.CallListId, request.ProjectId }, context.CancellationToken);
        await session.CommitAsync(context.CancellationToken);
        await context.RespondAsync(list is { } found
            ? new CallListFound(request.TenantId, request.CallListId, true, found.FileName, found.Status, found.Imported)
            : new CallListFound(request.TenantId, request.CallListId, false));
    }
}
