using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Calls;

/// <summary>
/// Folds a batch's call events into their call detail records (one per call and queue) with one statement: each record
/// takes the first arrival, the latest answer, abandon, callback request, overflow, transfer and completion, and keeps what an
/// earlier event told it when a later one does not say. Records are taken in (call, queue) order, as the batch locks calls.
/// </summary>
public static class CallRecordProjection
{
    public static Task FoldAsync(TenantSession session, IReadOnlyList<CallLegEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }
        const string sql = """
            INSERT INTO call_records AS cr (tenant_id, call_id, queue_id, project_id, contact_id, caller_number, arrived_at, queued_at, answered_at,
                agent_id, wait_seconds, abandoned_at, callback_requested_at, callback_number, overflowed_at, overflow_queue_id, transferred_at,
                transfer_queue_id, completed_at, talk_seconds, hold_seconds, wrap_up_seconds, direction, service_level_seconds)
            SELECT @TenantId, c.call_id, c.queue_id,
                   COALESCE((array_agg(c.project_id) FILTER (WHERE c.project_id IS NOT NULL))[1], (array_agg(q.project_id))[1]),
                   (array_agg(c.contact_id ORDER BY c.at) FILTER (WHERE c.contact_id IS NOT NULL))[1],
                   (array_agg(c.number ORDER BY c.at) FILTER (WHERE c.kind = 'queued' AND c.number IS NOT NULL))[1],
                   min(c.arrived),
                   min(c.at) FILTER (WHERE c.kind = 'queued'),
                   max(c.at) FILTER (WHERE c.kind = 'answered'),
                   (array_agg(c.agent_id ORDER BY c.at DESC) FILTER (WHERE c.kind IN ('answered', 'completed')))[1],
                   (array_agg(c.wait ORDER BY c.at DESC) FILTER (WHERE c.wait IS NOT NULL))[1],
                   max(c.at) FILTER (WHERE c.kind = 'abandoned'),
                   max(c.at) FILTER (WHERE c.kind = 'callback'),
                   (array_agg(c.number ORDER BY c.at DESC) FILTER (WHERE c.kind = 'callback'))[1],
                   max(c.at) FILTER (WHERE c.kind = 'overflowed'),
                   (array_agg(c.other ORDER BY c.at DESC) FILTER (WHERE c.kind = 'overflowed'))[1],
                   max(c.at) FILTER (WHERE c.kind = 'transferred'),
                   (array_agg(c.other ORDER BY c.at DESC) FILTER (WHERE c.kind = 'transferred'))[1],
                   max(c.at) FILTER (WHERE c.kind = 'completed'),
                   max(c.talk) FILTER (WHERE c.kind = 'completed'),
                   max(c.hold) FILTER (WHERE c.kind = 'completed'),
                   max(c.wrap_up) FILTER (WHERE c.kind = 'completed'),
                   COALESCE((array_agg(c.direction) FILTER (WHERE c.direction IS NOT NULL))[1], 'inbound'),
                   (array_agg(c.threshold ORDER BY c.at) FILTER (WHERE c.threshold IS NOT NULL))[1]
            FROM unnest(@Calls, @Queues, @Projects, @Kinds, @Ats, @Arrivals, @Agents, @Contacts, @Waits, @Talks, @Holds, @WrapUps, @Directions,
                        @Numbers, @Others, @Thresholds)
                 AS c(call_id, queue_id, project_id, kind, at, arrived, agent_id, contact_id, wait, talk, hold, wrap_up, direction, number, other, threshold)
            LEFT JOIN queues q ON q.tenant_id = @TenantId AND q.queue_id = c.queue_id
            GROUP BY c.call_id, c.queue_id
            ORDER BY c.call_id, c.queue_id
            ON CONFLICT (tenant_id, call_id, queue_id) DO UPDATE SET
                project_id = COALESCE(cr.project_id, EXCLUDED.project_id),
                contact_id = COALESCE(EXCLUDED.contact_id, cr.contact_id),
                caller_number = COALESCE(cr.caller_number, EXCLUDED.caller_number),
                arrived_at = LEAST(cr.arrived_at, EXCLUDED.arrived_at),
                queued_at = LEAST(cr.queued_at, EXCLUDED.queued_at),
                answered_at = GREATEST(cr.answered_at, EXCLUDED.answered_at),
                agent_id = COALESCE(EXCLUDED.agent_id, cr.agent_id),
                wait_seconds = COALESCE(EXCLUDED.wait_seconds, cr.wait_seconds),
                abandoned_at = GREATEST(cr.abandoned_at, EXCLUDED.abandoned_at),
                callback_requested_at = GREATEST(cr.callback_requested_at, EXCLUDED.callback_requested_at),
                callback_number = COALESCE(EXCLUDED.callback_number, cr.callback_number),
                overflowed_at = GREATEST(cr.overflowed_at, EXCLUDED.overflowed_at),
                overflow_queue_id = COALESCE(EXCLUDED.overflow_queue_id, cr.overflow_queue_id),
                transferred_at = GREATEST(cr.transferred_at, EXCLUDED.transferred_at),
                transfer_queue_id = COALESCE(EXCLUDED.transfer_queue_id, cr.transfer_queue_id),
                completed_at = GREATEST(cr.completed_at, EXCLUDED.completed_at),
                talk_seconds = COALESCE(EXCLUDED.talk_seconds, cr.talk_seconds),
                hold_seconds = COALESCE(EXCLUDED.hold_seconds, cr.hold_seconds),
                wrap_up_seconds = COALESCE(EXCLUDED.wrap_up_seconds, cr.wrap_up_seconds),
                direction = CASE WHEN 'outbound' IN (cr.direction, EXCLUDED.direction) THEN 'outbound' ELSE 'inbound' END,
                service_level_seconds = COALESCE(cr.service_level_seconds, EXCLUDED.service_level_seconds)
            """;
        return session.ExecuteAsync(sql, new
        {
            session.TenantId,
            Calls = events.Select(e => e.CallId).ToArray(), Queues = events.Select(e => e.QueueId).ToArray(),
            Projects = events.Select(e => e.ProjectId).ToArray(), Kinds = events.Select(e => e.Kind).ToArray(),
            Ats = events.Select(e => e.At).ToArray(), Arrivals = events.Select(e => e.ArrivedAt).ToArray(),
            Agents = events.Select(e => e.AgentId).ToArray(), Contacts = events.Select(e => e.ContactId).ToArray(),
            Waits = events.Select(e => e.WaitSeconds).ToArray(), Talks = events.Select(e => e.TalkSeconds).ToArray(),
            Holds = events.Select(e => e.HoldSeconds).ToArray(), WrapUps = events.Select(e => e.WrapUpSeconds).ToArray(),
            Directions = events.Select(e => e.Direction).ToArray(), Numbers = events.Select(e => e.Number).ToArray(),
            Others = events.Select(e => e.OtherQueueId).ToArray(), Thresholds = events.Select(e => e.ThresholdSeconds).ToArray(),
        }, ct);
    }
}
