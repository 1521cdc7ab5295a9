using Platform.Contracts.Contacts;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Agents;

/// <summary>
/// A call's written result, per user and day (the call center's) and per project and day (the project's): outcomes, the distinct contacts called,
/// meetings set and contracts signed; and each outcome as a row (the disposition report, the call records' result). The dispositions catalogue's category says which: <c>meeting_set</c>, <c>sale</c>.
/// </summary>
public static class OutcomeProjection
{
    public const string MeetingCategory = "meeting_set", ContractCategory = "sale";

    public static Task RecordedAsync(TenantSession session, CallOutcomeRecorded e, DateOnly userDay, DateOnly projectDay, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO user_days (tenant_id, user_id, day, outcomes, meetings, contracts)
            VALUES (@TenantId, @AgentId, @UserDay, 1, @Meeting, @Contract)
            ON CONFLICT (tenant_id, user_id, day) DO UPDATE SET
                outcomes = user_days.outcomes + 1, meetings = user_days.meetings + EXCLUDED.meetings, contracts = user_days.contracts + EXCLUDED.contracts;

            INSERT INTO user_day_contacts (tenant_id, user_id, day, contact_id)
            VALUES (@TenantId, @AgentId, @UserDay, @ContactId)
            ON CONFLICT DO NOTHING;

            INSERT INTO project_days (tenant_id, project_id, day, outcomes, meetings, contracts)
            VALUES (@TenantId, @ProjectId, @ProjectDay, 1, @Meeting, @Contract)
            ON CONFLICT (tenant_id, project_id, day) DO UPDATE SET
                outcomes = project_days.outcomes + 1, meetings = project_days.meetings + EXCLUDED.meetings,
                contracts = project_days.contracts + EXCLUDED.contracts;

            INSERT INTO outcomes (tenant_id, outcome_id, project_id, user_id, contact_id, call_id, disposition, category, duration_seconds, recorded_at)
            VALUES (@TenantId, @OutcomeId, @ProjectId, @AgentId, @ContactId, @CallId, @Disposition, @Category, @DurationSeconds, @RecordedAt)
            ON CONFLICT DO NOTHING;
            """;
        return session.ExecuteAsync(sql, new
        {
            session.TenantId, e.AgentId, e.ContactId, e.ProjectId, e.OutcomeId, e.CallId, e.Disposition, e.Category, e.DurationSeconds, e.RecordedAt,
            UserDay = userDay.ToDateTime(TimeOnly.MinValue), ProjectDay = projectDay.ToDateTime(TimeOnly.MinValue),
            Meeting = e.Category == MeetingCategory ? 1 : 0, Contract = e.Category == ContractCategory ? 1 : 0,
        }, ct);
    }
}
