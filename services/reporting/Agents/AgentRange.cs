using Platform.Reporting.Kpis;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Agents;

/// <summary>
/// An agent's figures per bucket of a range (15 minutes, day, week, month of the call center's calendar) and their total:
/// calls handled with talk time by direction (inbound from queues; outbound: callbacks' dial-outs and results recorded with
/// a duration but no queue call, i.e. the agent's own outbound calls), AHT, the 3–5 minute band, results written (meetings,
/// contracts), and time logged in, staffed, busy, occupancy and pause time by code (from the state changes in the agent's order).
/// </summary>
public static class AgentRange
{
    public sealed record Figures(
        DateTimeOffset Start, long CallsHandled, long InboundCalls, long OutboundCalls, double TalkSeconds, double InboundTalkSeconds,
        double OutboundTalkSeconds, double HoldSeconds, double WrapUpSeconds, double? AverageHandleTime, long CallsInBand, double? BandShare,
        long Outcomes, long MeetingsSet, long ContractsSigned, double LoggedInSeconds, double StaffedSeconds, double BusySeconds, double? Occupancy,
        IReadOnlyDictionary<string, double> PauseSeconds)
    {
        /// <summary>A flat row for CSV: pause time as "code=seconds" pairs.</summary>
        public Row Flat() => new(Start, CallsHandled, InboundCalls, OutboundCalls, TalkSeconds, InboundTalkSeconds, OutboundTalkSeconds, HoldSeconds,
            WrapUpSeconds, AverageHandleTime, CallsInBand, BandShare, Outcomes, MeetingsSet, ContractsSigned, LoggedInSeconds, StaffedSeconds, BusySeconds,
            Occupancy, string.Join(';', PauseSeconds.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value:0}")));
    }

    public sealed record Row(
        DateTimeOffset Start, long CallsHandled, long InboundCalls, long OutboundCalls, double TalkSeconds, double InboundTalkSeconds,
        double OutboundTalkSeconds, double HoldSeconds, double WrapUpSeconds, double? AverageHandleTime, long CallsInBand, double? BandShare,
        long Outcomes, long MeetingsSet, long ContractsSigned, double LoggedInSeconds, double StaffedSeconds, double BusySeconds, double? Occupancy,
        string PauseSeconds);

    private sealed record Counts(long Bucket, long InboundCalls, long OutboundCalls, double InboundTalk, double OutboundTalk, double Hold, double WrapUp,
        long InBand, long Outcomes, long Meetings, long Contracts);

    public static async Task<(IReadOnlyList<Figures> Rows, Figures Total)> ReadAsync(
        TenantSession session, AgentDay.Agent agent, IReadOnlyList<ReportBuckets.Bucket> buckets, DateTimeOffset now, CancellationToken ct)
    {
        // Calls by their completion, results by when they were written; an outcome with a duration and no call from a queue
        // is an outbound call the agent made (its duration is its talk).
        var sql = $"""
            SELECT b.i AS bucket,
                   COALESCE(c.inbound, 0) AS inbound_calls, COALESCE(c.outbound, 0) + COALESCE(o.own_calls, 0) AS outbound_calls,
                   COALESCE(c.inbound_talk, 0) AS inbound_talk, COALESCE(c.outbound_talk, 0) + COALESCE(o.own_talk, 0) AS outbound_talk,
                   COALESCE(c.hold, 0) AS hold, COALESCE(c.wrap_up, 0) AS wrap_up, COALESCE(c.in_band, 0) + COALESCE(o.own_in_band, 0) AS in_band,
                   COALESCE(o.outcomes, 0) AS outcomes, COALESCE(o.meetings, 0) AS meetings, COALESCE(o.contracts, 0) AS contracts
            FROM unnest(@Froms, @Tos) WITH ORDINALITY AS b(f, t, i)
            LEFT JOIN LATERAL (
                SELECT count(*) FILTER (WHERE direction = 'inbound') AS inbound, count(*) FILTER (WHERE direction = 'outbound') AS outbound,
                       sum(talk_seconds) FILTER (WHERE direction = 'inbound') AS inbound_talk,
                       sum(talk_seconds) FILTER (WHERE direction = 'outbound') AS outbound_talk,
                       sum(hold_seconds) AS hold, sum(wrap_up_seconds) AS wrap_up,
                       count(*) FILTER (WHERE talk_seconds BETWEEN {Kpi.BandFromSeconds} AND {Kpi.BandToSeconds}) AS in_band
                FROM call_records WHERE tenant_id = @TenantId AND agent_id = @AgentId AND completed_at >= b.f AND completed_at < b.t) c ON true
            LEFT JOIN LATERAL (
                SELECT count(*) AS outcomes, count(*) FILTER (WHERE category = 'meeting_set') AS meetings,
                       count(*) FILTER (WHERE category = 'sale') AS contracts,
                       count(*) FILTER (WHERE call_id IS NULL AND duration_seconds IS NOT NULL) AS own_calls,
                       sum(duration_seconds) FILTER (WHERE call_id IS NULL) AS own_talk,
                       count(*) FILTER (WHERE call_id IS NULL AND duration_seconds BETWEEN {Kpi.BandFromSeconds} AND {Kpi.BandToSeconds}) AS own_in_band
                FROM outcomes WHERE tenant_id = @TenantId AND user_id = @UserId AND recorded_at >= b.f AND recorded_at < b.t) o ON true
            ORDER BY b.i
            """;
        var counts = (await session.QueryAsync<Counts>(sql, new
        {
            session.TenantId, agent.AgentId, UserId = agent.UserId ?? Guid.Empty,
            Froms = buckets.Select(b => b.From).ToArray(), Tos = buckets.Select(b => b.To).ToArray(),
        }, ct)).ToList();
        var from = buckets.Count > 0 ? buckets[0].From : now;
        var to = buckets.Count > 0 ? buckets[^1].To : now;
        var time = StateTimeline.SplitEach(await StateChanges.ReadAsync(session, agent.AgentId, from, to, ct), buckets, now);
        var rows = buckets.Select((b, i) => Of(b.Start, counts[i], time[i])).ToList();
        var total = Of(from, counts.Aggregate(new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), Add), new TimeInStates(
            time.Sum(t => t.LoggedInSeconds), time.Sum(t => t.StaffedSeconds), time.Sum(t => t.BusySeconds),
            time.SelectMany(t => t.PauseSeconds).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value))));
        return (rows, total);
    }

    private static Counts Add(Counts a, Counts b) => new(0, a.InboundCalls + b.InboundCalls, a.OutboundCalls + b.OutboundCalls,
        a.InboundTalk + b.InboundTalk, a.OutboundTalk + b.OutboundTalk, a.Hold + b.Hold, a.WrapUp + b.WrapUp, a.InBand + b.InBand,
        a.Outcomes + b.Outcomes, a.Meetings + b.Meetings, a.Contracts + b.Contracts);

    private static Figures Of(DateTimeOffset start, Counts c, TimeInStates time)
    {
        var calls = c.InboundCalls + c.OutboundCalls;
        var talk = c.InboundTalk + c.OutboundTalk;
        return new Figures(start, calls, c.InboundCalls, c.OutboundCalls, talk, c.InboundTalk, c.OutboundTalk, c.Hold, c.WrapUp,
            Kpi.AverageHandleTime(talk, c.WrapUp, calls), c.InBand, Kpi.BandShare(c.InBand, calls), c.Outcomes, c.Meetings, c.Contracts,
            time.LoggedInSeconds, time.StaffedSeconds, time.BusySeconds, time.Occupancy, time.PauseSeconds);
    }
}
