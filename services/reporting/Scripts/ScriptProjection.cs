using Platform.Contracts.Scripts;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Scripts;

/// <summary>
/// The step funnel per script version: sessions, sessions that reached the end, and per step the sessions that reached it
/// (once per session, however often it looped), the seconds spent on it and its position on the path.
/// </summary>
public static class ScriptProjection
{
    public static async Task CompletedAsync(TenantSession session, ScriptSessionCompleted e, CancellationToken ct)
    {
        const string funnel = """
            INSERT INTO script_funnels (tenant_id, script_id, version, project_id, sessions, completed)
            VALUES (@TenantId, @ScriptId, @Version, @ProjectId, 1, @Completed)
            ON CONFLICT (tenant_id, script_id, version) DO UPDATE SET
                sessions = script_funnels.sessions + 1, completed = script_funnels.completed + EXCLUDED.completed
            """;
        await session.ExecuteAsync(funnel, new { session.TenantId, e.ScriptId, e.Version, e.ProjectId, Completed = e.Outcome == "completed" ? 1 : 0 }, ct);
        var steps = e.Path.Select((step, index) => (step.StepId, step.Seconds, Position: index + 1))
            .GroupBy(s => s.StepId)
            .Select(g => (StepId: g.Key, Seconds: g.Sum(s => s.Seconds), Position: g.Min(s => s.Position)))
            .ToArray();
        if (steps.Length == 0)
        {
            return;
        }
        const string sql = """
            INSERT INTO script_funnel_steps (tenant_id, script_id, version, step_id, sessions, seconds, position_sum)
            SELECT @TenantId, @ScriptId, @Version, s.step_id, 1, s.seconds, s.position
            FROM unnest(@StepIds, @Seconds, @Positions) AS s(step_id, seconds, position)
            ON CONFLICT (tenant_id, script_id, version, step_id) DO UPDATE SET
                sessions = script_funnel_steps.sessions + 1,
                seconds = script_funnel_steps.seconds + EXCLUDED.seconds,
                position_sum = script_funnel_steps.position_sum + EXCLUDED.position_sum
            """;
        await session.ExecuteAsync(sql, new
        {
            session.TenantId, e.ScriptId, e.Version,
            StepIds = steps.Select(s => s.StepId).ToArray(), Seconds = steps.Select(s => s.Seconds).ToArray(),
            Positions = steps.Select(s => (long)s.Position).ToArray(),
        }, ct);
    }
}
