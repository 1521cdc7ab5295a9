using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Contracts.Queue;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Inbox;

namespace Platform.Scripts.Sessions;

/// <summary>
/// An agent answered a call: the project's script pops up — a session opens on the project's active version, for the
/// agent (their user and name from the agents the queue service announced) and the caller's contact when recognised.
/// </summary>
public sealed class CallAnsweredConsumer(NpgsqlDataSource dataSource, CompiledScripts scripts, ILogger<CallAnsweredConsumer> logger)
    : InboxConsumer<CallAnswered>(dataSource)
{
    private sealed record AgentRow(Guid? UserId, string Name);

    protected override async Task HandleAsync(CallAnswered message, TenantSession session, CancellationToken cancellationToken)
    {
        var agent = await session.QuerySingleOrDefaultAsync<AgentRow>(
            "SELECT user_id, name FROM agents WHERE tenant_id = @TenantId AND id = @AgentId", new { message.TenantId, message.AgentId }, cancellationToken);
        var parties = new SessionParties(message.CallId, message.AgentId, message.ContactId, message.AgentUserId ?? agent?.UserId, agent?.Name);
        var opened = await SessionOpening.OpenAsync(session, message.ProjectId, parties, scripts, message.At, cancellationToken);
        if (opened is null)
        {
            logger.LogInformation("No session for call {CallId}: project {ProjectId} has no published script (or the call has one already).",
                message.CallId, message.ProjectId);
        }
    }
}
