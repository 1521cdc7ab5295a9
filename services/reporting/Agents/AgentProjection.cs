using Platform.Contracts.Contacts;
using Platform.Contracts.Queue;
using Platform.Reporting.Kpis;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Agents;

/// <summary>Agents (who they are, their group), their state changes, their handled calls per day (the call center's) and their plans of the day.</summary>
public static class AgentProjection
{
    public static Task ChangedAsync(TenantSession session, AgentChanged e, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO agents (tenant_id, agent_id, user_id, name, group_id, changed_at)
            VALUES (@TenantId, @AgentId, @UserId, @Name, @GroupId, @At)
            ON CONFLICT (tenant_id, agent_id) DO UPDATE SET
                user_id = EXCLUDED.user_id, name = EXCLUDED.name, group_id = EXCLUDED.group_id, changed_at = EXCLUDED.changed_at
            WHERE EXCLUDED.changed_at >= agents.changed_at
            """;
        return session.ExecuteAsync(sql, new { session.TenantId, e.AgentId, e.UserId, e.Name, e.GroupId, e.At }, ct);
    }

    /// <summary>State changes as rows with the agent's sequence (one statement for a batch); the same change twice is kept once.</summary>
    public static Task StateChangedAsync(TenantSession session, IReadOnlyList<AgentStateChanged> changes, CancellationToken ct)
    {
        if (changes.Count == 0)
        {
            return Task.CompletedTask;
        }
        const string sql = """
            INSERT INTO agent_state_changes (tenant_id, agent_id, at, state, pause_code, sequence, call_id)
            SELECT @TenantId, c.agent_id, c.at, c.state, c.pause_code, c.sequence, c.call_id
            FROM unnest(@Agents, @Ats, @States, @PauseCodes, @Sequences, @Calls) AS c(agent_id, at, state, pause_code, sequence, call_id)
            ON CONFLICT DO NOTHING
            """;
        return session.ExecuteAsync(sql, new
        {
            session.TenantId, Agents = changes.Select(c => c.AgentId).ToArray(), Ats = changes.Select(c => c.At).ToArray(),
            States = changes.Select(c => c.To).ToArray(), PauseCodes = changes.Select(c => c.PauseCode).ToArray(),
            Sequences = changes.Select(c => c.Sequence).ToArray(), Calls = changes.Select(c => c.CallId).ToArray(),
        }, ct);
    }

    public static Task CallCompletedAsync(TenantSession session, CallCompleted e, DateOnly day, CancellationToken ct)
    {
        const string sql = $"""
            INSERT INTO agent_days (tenant_id, agent_id, day, calls_handled, talk_seconds, hold_seconds, wrap_up_seconds, calls_in_band)
            VALUES (@TenantId, @AgentId, @Day, 1, @TalkSeconds, @HoldSeconds, @WrapUpSeconds, @InBand)
            ON CONFLICT (tenant_id, agent_id, day) DO UPDATE SET
                calls_handled = agent_days.calls_handled + 1,
                talk_seconds = agent_days.talk_seconds + EXCLUDED.talk_seconds,
                hold_seconds = agent_days.hold_seconds + EXCLUDED.hold_seconds,
                wrap_up_seconds = agent_days.wrap_up_seconds + EXCLUDED.wrap_up_seconds,
                calls_in_band = agent_days.calls_in_band + EXCLUDED.calls_in_band
            """;
        return session.ExecuteAsync(sql, new
        {
            session.TenantId, e.AgentId, Day = day.ToDateTime(TimeOnly.MinValue), e.TalkSeconds, e.HoldSeconds, e.WrapUpSeconds, InBand = Kpi.InBand(e.TalkSeconds) ? 1 : 0,
        }, ct);
    }

    public static Task PlanDrawnAsync(TenantSession session, DailyPlanDrawn e, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO daily_plans (tenant_id, user_id, day, contacts, drawn_at) VALUES (@TenantId, @AgentId, @Day, @Contacts, @DrawnAt)
            ON CONFLICT (tenant_id, user_id, day) DO UPDATE SET contacts = EXCLUDED.contacts, drawn_at = EXCLUDED.drawn_at
            WHERE EXCLUDED.drawn_at >= daily_plans.drawn_at
            """;
        return session.ExecuteAsync(sql, new
        {
            session.TenantId, e.AgentId, Day = e.Date.ToDateTime(TimeOnly.MinValue), Contacts = e.ContactIds.Distinct().Count(), e.DrawnAt,
        }, ct);
    }
}
