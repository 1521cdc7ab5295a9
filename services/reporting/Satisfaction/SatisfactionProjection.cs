using Platform.Contracts.Scripts;
using Platform.Reporting.Kpis;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Satisfaction;

/// <summary>
/// The post-call survey's answers: every rating question (kind <c>rating</c>, 1–5) answered in a script session is one
/// satisfaction response, kept with the session's project, call and agent and counted by the session's end. The queue and
/// the agent's name and group are found when a report is read (the call's record may come later than the session's end).
/// </summary>
public static class SatisfactionProjection
{
    public const string RatingKind = "rating";

    public static async Task CompletedAsync(TenantSession session, ScriptSessionCompleted e, CancellationToken ct)
    {
        var ratings = e.Answers
            .Where(a => a.Kind == RatingKind)
            .Select(a => (a.StepId, Rating: SatisfactionRatings.Read(a.Answer)))
            .Where(a => a.Rating is not null)
            .ToArray();
        if (ratings.Length == 0)
        {
            return;
        }
        const string sql = """
            INSERT INTO satisfaction_answers (tenant_id, session_id, step_id, project_id, call_id, agent_user_id, rating, answered_at)
            SELECT @TenantId, @SessionId, s.step_id, @ProjectId, @CallId, @AgentUserId, s.rating, @At
            FROM unnest(@StepIds, @Ratings) AS s(step_id, rating)
            ON CONFLICT (tenant_id, session_id, step_id) DO NOTHING
            """;
        await session.ExecuteAsync(sql, new
        {
            session.TenantId, e.SessionId, e.ProjectId, e.CallId, e.AgentUserId, e.At,
            StepIds = ratings.Select(r => r.StepId).ToArray(), Ratings = ratings.Select(r => r.Rating!.Value).ToArray(),
        }, ct);
    }
}
