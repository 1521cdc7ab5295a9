using Platform.Contracts;
using Platform.Contracts.Contacts;
using Platform.Contracts.Queue;
using Platform.Contracts.Scripts;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>
/// Events of agents' work as the queue, clients and scripts services publish them, for hand-counted reports: a call answered
/// and completed by an agent, its written result, the post-call survey's rating, and the agent's state changes.
/// </summary>
internal sealed class MixOfAgentWork(Guid tenantId, Guid projectId)
{
    public List<ITenantEvent> Events { get; } = [];

    public Guid Call(Guid queueId, Guid agentId, Guid userId, DateTimeOffset answeredAt, double talkSeconds, double wrapUpSeconds)
    {
        var call = Guid.NewGuid();
        Events.Add(new CallQueued(tenantId, call, queueId, projectId, null, false, 0, 1, answeredAt.AddSeconds(-10), 20));
        Events.Add(new CallAnswered(tenantId, call, queueId, projectId, agentId, null, 10, answeredAt, userId, 20));
        Events.Add(new CallCompleted(tenantId, call, queueId, projectId, agentId, null, 10, talkSeconds, 0, wrapUpSeconds, false,
            answeredAt.AddSeconds(-10), answeredAt.AddSeconds(talkSeconds + wrapUpSeconds)));
        return call;
    }

    public void Outcome(Guid call, Guid userId, string disposition, string category, DateTimeOffset at) =>
        Events.Add(new CallOutcomeRecorded(tenantId, Guid.NewGuid(), Guid.NewGuid(), projectId, userId, call, disposition, category, null, null, at));

    public void Rating(Guid call, Guid userId, int rating, DateTimeOffset at) =>
        Events.Add(new ScriptSessionCompleted(tenantId, Guid.NewGuid(), Guid.NewGuid(), 1, projectId, call, null, userId,
            [new ScriptAnswer("csat", "How satisfied are you?", rating.ToString(System.Globalization.CultureInfo.InvariantCulture), "rating")], [], null,
            "completed", at.AddMinutes(-1), at));

    /// <summary>The agent's states in order from <paramref name="start"/>, each (state, seconds after start).</summary>
    public void States(Guid agentId, DateTimeOffset start, params (string State, int At)[] states)
    {
        var from = "logged_out";
        for (var i = 0; i < states.Length; i++)
        {
            Events.Add(new AgentStateChanged(tenantId, agentId, from, states[i].State, null, null, start.AddSeconds(states[i].At), i + 1));
            from = states[i].State;
        }
    }
}
