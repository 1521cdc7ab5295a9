using Platform.Reporting.Kpis;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>Today's figures of one queue, its project and one agent, recounted by hand from the raw events.</summary>
internal sealed record Recount(
    long Offered, long Answered, long AnsweredWithinThreshold, long Abandoned, long AbandonedWithinThreshold, long Handled, double TalkSeconds,
    double WrapUpSeconds, double AverageSpeedOfAnswer, long ProjectCallsOffered, long ProjectOutcomes, long ProjectMeetings, long ProjectContracts,
    long AgentCallsHandled, double AgentTalkSeconds, long AgentCallsInBand, long AgentOutcomes, long AgentMeetings, long AgentContracts,
    long AgentContactsCalled, long CallsWaiting)
{
    public static readonly Recount Nothing = new(-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private const double Threshold = 20; // the default queue's service-level seconds

    public static Recount Of(IReadOnlyList<RawEvent> raw, Guid queueId, Guid agentId)
    {
        var inQueue = raw.Where(e => e.Body.TryGetProperty("queueId", out var q) && q.GetGuid() == queueId).ToList();
        var answered = inQueue.Where(e => e.Type == "CallAnswered").ToList();
        var abandoned = inQueue.Where(e => e.Type == "CallAbandoned").ToList();
        var completed = inQueue.Where(e => e.Type == "CallCompleted").ToList();
        var queued = inQueue.Where(e => e.Type == "CallQueued").ToList();
        var left = answered.Concat(abandoned).Select(e => e.Id("callId")).ToHashSet();
        var userId = raw.Last(e => e.Type == "AgentChanged" && e.Id("agentId") == agentId).Id("userId");
        var outcomes = raw.Where(e => e.Type == "CallOutcomeRecorded").ToList();
        var mine = outcomes.Where(e => e.Id("agentId") == userId).ToList();
        var agentCalls = completed.Where(e => e.Id("agentId") == agentId).ToList();
        return new Recount(
            queued.Count, answered.Count, answered.Count(e => e.Number("waitSeconds") <= Threshold), abandoned.Count,
            abandoned.Count(e => e.Number("waitSeconds") <= Threshold), completed.Count, R(completed.Sum(e => e.Number("talkSeconds"))),
            R(completed.Sum(e => e.Number("wrapUpSeconds"))), answered.Count == 0 ? -1 : R(answered.Sum(e => e.Number("waitSeconds")) / answered.Count),
            queued.Count, outcomes.Count, outcomes.Count(e => e.Text("category") == "meeting_set"), outcomes.Count(e => e.Text("category") == "sale"),
            agentCalls.Count, R(agentCalls.Sum(e => e.Number("talkSeconds"))), agentCalls.Count(e => Kpi.InBand(e.Number("talkSeconds"))),
            mine.Count, mine.Count(e => e.Text("category") == "meeting_set"), mine.Count(e => e.Text("category") == "sale"),
            mine.Select(e => e.Id("contactId")).Distinct().Count(), queued.Select(e => e.Id("callId")).Count(id => !left.Contains(id)));
    }

    private static double R(double value) => Math.Round(value, 3);
}
