using NodaTime;
using Platform.Reporting.Kpis;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Agents;

/// <summary>
/// An agent's day (the call center's day: <see cref="ReportingDay.HomeZone"/>): the end-of-day report (contacts planned, contacts called, meetings set, contracts signed, talk
/// time) and the judged figures (calls handled, AHT, occupancy, logged-in and pause time by code, share of calls in
/// the 3–5 minute band).
/// </summary>
public sealed record AgentDay(
    Guid AgentId, Guid? UserId, string Name, Guid? GroupId, DateOnly Date,
    long ContactsPlanned, long ContactsCalled, long Outcomes, long MeetingsSet, long ContractsSigned,
    long CallsHandled, double TalkSeconds, double HoldSeconds, double WrapUpSeconds, double? AverageHandleTime,
    long CallsInBand, double? BandShare, double LoggedInSeconds, double StaffedSeconds, double BusySeconds, double? Occupancy,
    IReadOnlyDictionary<string, double> PauseSeconds)
{
    /// <summary>A flat row for CSV: pause time as "code=seconds" pairs.</summary>
    public sealed record Row(
        Guid AgentId, string Name, DateOnly Date, long ContactsPlanned, long ContactsCalled, long Outcomes, long MeetingsSet, long ContractsSigned,
        long CallsHandled, double TalkSeconds, double? AverageHandleTime, long CallsInBand, double? BandShare, double LoggedInSeconds,
        double? Occupancy, string PauseSeconds);

    public Row Flat() => new(AgentId, Name, Date, ContactsPlanned, ContactsCalled, Outcomes, MeetingsSet, ContractsSigned, CallsHandled, TalkSeconds,
        AverageHandleTime, CallsInBand, BandShare, LoggedInSeconds, Occupancy, string.Join(';', PauseSeconds.Select(p => $"{p.Key}={p.Value:0}")));

    public sealed record Agent(Guid AgentId, Guid? UserId, string Name, Guid? GroupId);

    private sealed record Counts(long CallsHandled, double TalkSeconds, double HoldSeconds, double WrapUpSeconds, long CallsInBand,
        long Outcomes, long Meetings, long Contracts, long ContactsCalled, long ContactsPlanned);

    public static async Task<AgentDay> ReadAsync(TenantSession session, Agent agent, DateOnly date, DateTimeZone zone, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            SELECT COALESCE(d.calls_handled, 0) AS calls_handled, COALESCE(d.talk_seconds, 0) AS talk_seconds,
                   COALESCE(d.hold_seconds, 0) AS hold_seconds, COALESCE(d.wrap_up_seconds, 0) AS wrap_up_seconds,
                   COALESCE(d.calls_in_band, 0) AS calls_in_band,
                   COALESCE(u.outcomes, 0) AS outcomes, COALESCE(u.meetings, 0) AS meetings, COALESCE(u.contracts, 0) AS contracts,
                   (SELECT count(*) FROM user_day_contacts c WHERE c.tenant_id = @TenantId AND c.user_id = @UserId AND c.day = @Day) AS contacts_called,
                   COALESCE((SELECT contacts FROM daily_plans p WHERE p.tenant_id = @TenantId AND p.user_id = @UserId AND p.day = @Day), 0)::bigint AS contacts_planned
            FROM (SELECT 1) one
            LEFT JOIN agent_days d ON d.tenant_id = @TenantId AND d.agent_id = @AgentId AND d.day = @Day
            LEFT JOIN user_days u ON u.tenant_id = @TenantId AND u.user_id = @UserId AND u.day = @Day
            """;
        var day = date.ToDateTime(TimeOnly.MinValue);
        var c = (await session.QuerySingleOrDefaultAsync<Counts>(sql, new { session.TenantId, agent.AgentId, agent.UserId, Day = day }, ct))!;
        var (from, to) = ReportingDay.Span(date, zone);
        var time = StateTimeline.Split(await StateChanges.ReadAsync(session, agent.AgentId, from, to, ct), from, to, now);
        return new AgentDay(agent.AgentId, agent.UserId, agent.Name, agent.GroupId, date, c.ContactsPlanned, c.ContactsCalled, c.Outcomes, c.Meetings,
            c.Contracts, c.CallsHandled, c.TalkSeconds, c.HoldSeconds, c.WrapUpSeconds, Kpi.AverageHandleTime(c.TalkSeconds, c.WrapUpSeconds, c.CallsHandled),
            c.CallsInBand, Kpi.BandShare(c.CallsInBand, c.CallsHandled), time.LoggedInSeconds, time.StaffedSeconds, time.BusySeconds, time.Occupancy,
            time.PauseSeconds);
    }
}
