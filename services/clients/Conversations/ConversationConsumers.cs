using System.Text.Json;
using Npgsql;
using Platform.Contracts.Queue;
using Platform.Contracts.Scripts;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Inbox;

namespace Platform.Clients.Conversations;

/// <summary>
/// A handled call of a known contact joins the contact's history. A call of a contact erased or never known here
/// (a caller the queue did not recognise) is not kept: the queue service and reporting have their own records.
/// </summary>
public sealed class CallCompletedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<CallCompleted>(dataSource)
{
    protected override Task HandleAsync(CallCompleted message, TenantSession session, CancellationToken cancellationToken) =>
        message.ContactId is null ? Task.CompletedTask : session.ExecuteAsync("""
            INSERT INTO contact_calls (tenant_id, call_id, contact_id, queue_id, agent_id, wait_seconds, talk_seconds, hold_seconds,
                                       wrap_up_seconds, callback, arrived_at, completed_at)
            SELECT @TenantId, @CallId, c.id, @QueueId, @AgentId, @WaitSeconds, @TalkSeconds, @HoldSeconds, @WrapUpSeconds, @Callback, @ArrivedAt, @At
            FROM contacts c WHERE c.tenant_id = @TenantId AND c.id = @ContactId AND c.erased_at IS NULL
            ON CONFLICT (tenant_id, call_id) DO NOTHING
            """, new
            {
                message.TenantId, message.CallId, message.ContactId, message.QueueId, message.AgentId, message.WaitSeconds, message.TalkSeconds,
                message.HoldSeconds, message.WrapUpSeconds, message.Callback, message.ArrivedAt, message.At,
            }, cancellationToken);
}

/// <summary>The answers a contact gave along the project's script: a survey project's product, kept on the contact.</summary>
public sealed class ScriptSessionCompletedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ScriptSessionCompleted>(dataSource)
{
    protected override Task HandleAsync(ScriptSessionCompleted message, TenantSession session, CancellationToken cancellationToken) =>
        message.ContactId is null ? Task.CompletedTask : session.ExecuteAsync("""
            INSERT INTO script_answers (tenant_id, session_id, contact_id, script_id, version, call_id, outcome, suggested_disposition, answers, completed_at)
            SELECT @TenantId, @SessionId, c.id, @ScriptId, @Version, @CallId, @Outcome, @SuggestedDisposition, CAST(@Answers AS jsonb), @At
            FROM contacts c WHERE c.tenant_id = @TenantId AND c.id = @ContactId AND c.erased_at IS NULL
            ON CONFLICT (tenant_id, session_id) DO NOTHING
            """, new
            {
                message.TenantId, message.SessionId, message.ContactId, message.ScriptId, message.Version, message.CallId, message.Outcome,
                message.SuggestedDisposition, Answers = JsonSerializer.Serialize(message.Answers, JsonSerializerOptions.Web), message.At,
            }, cancellationToken);
}
