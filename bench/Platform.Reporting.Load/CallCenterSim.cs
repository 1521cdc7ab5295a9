using Platform.Contracts;
using Platform.Contracts.Contacts;
using Platform.Contracts.Projects;
using Platform.Contracts.Queue;

namespace Platform.Reporting.Load;

/// <summary>
/// A few call centers producing the queue and clients services' events in a realistic mix: each call is queued, then
/// answered (85%) or abandoned; an answered call moves its agent to on-call and wrap-up, completes, and half of them get a
/// recorded outcome. About 5.4 events per call. Every event's own time is "now" (the moment it is published), so a
/// projection's lag is its <c>event_log.received_at</c> minus that time. Durations are drawn, not waited for.
/// </summary>
internal sealed class CallCenterSim
{
    private sealed record Tenant(Guid Id, Guid[] Projects, (Guid Queue, Guid Project)[] Queues, (Guid Agent, Guid User)[] Agents);

    private sealed class Call(Tenant tenant, Guid queue, Guid project)
    {
        public Tenant Tenant { get; } = tenant;
        public Guid Id { get; } = Guid.NewGuid();
        public Guid Queue { get; } = queue;
        public Guid Project { get; } = project;
        public (Guid Agent, Guid User) Agent { get; set; }
        public double Wait { get; set; }
        public int Step { get; set; }
    }

    private readonly Random random = new(42);
    private readonly List<Tenant> tenants = [];
    private readonly List<Call> inFlight = [];
    private const int CallsInFlight = 400;

    public CallCenterSim(int tenantCount, int queuesPerTenant = 8, int agentsPerTenant = 60)
    {
        for (var t = 0; t < tenantCount; t++)
        {
            var projects = Enumerable.Range(0, 2).Select(_ => Guid.NewGuid()).ToArray();
            var queues = Enumerable.Range(0, queuesPerTenant).Select(i => (Guid.NewGuid(), projects[i % projects.Length])).ToArray();
            var agents = Enumerable.Range(0, agentsPerTenant).Select(_ => (Guid.NewGuid(), Guid.NewGuid())).ToArray();
            tenants.Add(new Tenant(Guid.NewGuid(), projects, queues, agents));
        }
    }

    public IReadOnlyList<Guid> TenantIds => tenants.Select(t => t.Id).ToList();

    /// <summary>What the other services said before the calls: projects and agents (sent before the timed run).</summary>
    public IEnumerable<ITenantEvent> Setup(DateTimeOffset now)
    {
        foreach (var tenant in tenants)
        {
            foreach (var project in tenant.Projects)
            {
                yield return new ProjectCreated(tenant.Id, project, $"Load {project:N}", ProjectDirection.Inbound, "Europe/Prague", now);
            }
            var group = Guid.NewGuid();
            for (var i = 0; i < tenant.Agents.Length; i++)
            {
                yield return new AgentChanged(tenant.Id, tenant.Agents[i].Agent, tenant.Agents[i].User, $"Agent {i}", group, now);
            }
        }
    }

    /// <summary>The next event of some call in flight (a new call when fewer than the target are in flight).</summary>
    public ITenantEvent Next(DateTimeOffset now)
    {
        if (inFlight.Count < CallsInFlight)
        {
            var tenant = tenants[random.Next(tenants.Count)];
            var (queue, project) = tenant.Queues[random.Next(tenant.Queues.Length)];
            var call = new Call(tenant, queue, project) { Wait = random.NextDouble() * 60, Agent = tenant.Agents[random.Next(tenant.Agents.Length)] };
            inFlight.Add(call);
            return new CallQueued(tenant.Id, call.Id, queue, project, null, false, 0, 1, now, 20);
        }
        var index = random.Next(inFlight.Count);
        var c = inFlight[index];
        c.Step++;
        var t = c.Tenant.Id;
        switch (c.Step)
        {
            case 1 when random.NextDouble() < 0.15:
                Retire(index);
                return new CallAbandoned(t, c.Id, c.Queue, c.Project, c.Wait, now);
            case 1:
                return new CallAnswered(t, c.Id, c.Queue, c.Project, c.Agent.Agent, null, c.Wait, now, c.Agent.User);
            case 2:
                return new AgentStateChanged(t, c.Agent.Agent, "offered", "on_call", null, c.Id, now);
            case 3:
                return new AgentStateChanged(t, c.Agent.Agent, "on_call", "wrap_up", null, c.Id, now);
            case 4:
                var talk = 60 + random.NextDouble() * 400;
                if (random.NextDouble() < 0.5)
                {
                    Retire(index);
                }
                return new CallCompleted(t, c.Id, c.Queue, c.Project, c.Agent.Agent, null, c.Wait, talk, random.NextDouble() * 30,
                    random.NextDouble() * 60, false, now.AddSeconds(-talk - c.Wait), now);
            default:
                Retire(index);
                var category = random.NextDouble() < 0.2 ? "meeting_set" : "other";
                return new CallOutcomeRecorded(t, Guid.NewGuid(), Guid.NewGuid(), c.Project, c.Agent.User, c.Id, category, category, 200, null, now);
        }
    }

    private void Retire(int index)
    {
        inFlight[index] = inFlight[^1];
        inFlight.RemoveAt(inFlight.Count - 1);
    }
}
