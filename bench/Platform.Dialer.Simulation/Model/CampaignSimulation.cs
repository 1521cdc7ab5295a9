using Platform.Queue.Dialer.Pacing;

namespace Platform.Dialer.Simulation.Model;

/// <summary>
/// A discrete-event model of one outbound campaign driving the real <see cref="Pacer"/> once per tick: dials ring and end
/// in a result of the answer mix; a person who answers is connected to the longest-idle agent, or waits for one for at
/// most 2 s and is otherwise dropped; agents talk and wrap up for their own handle times. The snapshot handed to the
/// pacer is computed from the simulated state as docs/dialer-pacing.md tells the dialer to compute it from PostgreSQL.
/// </summary>
public sealed class CampaignSimulation
{
    private enum Kind { Result, AgentFree, DropDeadline, Tick }

    private readonly SimulationSettings settings;
    private readonly PriorityQueue<(Kind Kind, int Id), (double At, long Order)> events = new();
    private long order;
    private double now;

    private readonly DialResult[] results;
    private readonly double[] rings;
    private readonly Agent[] agents;
    private readonly List<int> waiting = [];
    private readonly Queue<(double At, double Ring, bool Person)> windowResults = new();
    private readonly Queue<double> windowPeople = new();
    private readonly Queue<double> windowDrops = new();
    private readonly Queue<(double At, double Handle)> windowHandles = new();
    private readonly List<(double At, bool Dropped)> answers = [];
    private readonly Dictionary<int, int> answerIndex = [];

    private int placed, inFlight, connected, dropped, decisions, progressiveDecisions;
    private double idleBetweenCalls, busySeconds;
    private int callsAfterIdle;
    private DialMode? previous;

    public CampaignSimulation(SimulationSettings settings)
    {
        this.settings = settings;
        var list = new Random(settings.Seed);
        results = new DialResult[settings.Dials];
        rings = new double[settings.Dials];
        for (var i = 0; i < settings.Dials; i++)
        {
            results[i] = settings.Mix.Draw(list);
            rings[i] = AnswerMix.RingSeconds(results[i], list);
        }
        agents = Enumerable.Range(0, settings.Agents).Select(i => new Agent(new Random(settings.Seed * 7919 + i))).ToArray();
    }

    public SimulationReport Run()
    {
        Schedule(0, Kind.Tick, 0);
        while (events.TryDequeue(out var next, out var when))
        {
            now = when.At;
            switch (next.Kind)
            {
                case Kind.Tick: Tick(); break;
                case Kind.Result: Result(next.Id); break;
                case Kind.AgentFree: AgentFree(next.Id); break;
                case Kind.DropDeadline: DropDeadline(next.Id); break;
            }
        }
        var hours = now / 3600;
        return new SimulationReport(settings, placed, answers.Count, connected, dropped, hours, idleBetweenCalls, callsAfterIdle,
            busySeconds / (settings.Agents * Math.Max(now, 1)), RollingAbandon.Over(answers, PacingPolicy.RollingWindow),
            decisions, progressiveDecisions);
    }

    private void Schedule(double at, Kind kind, int id) => events.Enqueue((kind, id), (at, order++));

    private void Tick()
    {
        var decision = Pacer.Decide(Snapshot());
        decisions++;
        if (decision.PacedAs == DialMode.Progressive) progressiveDecisions++;
        previous = decision.PacedAs;
        for (var i = 0; i < decision.Dials && placed < settings.Dials; i++)
        {
            Schedule(now + rings[placed], Kind.Result, placed);
            placed++;
            inFlight++;
        }
        if (placed < settings.Dials)
        {
            Schedule(now + settings.TickSeconds, Kind.Tick, 0);
        }
    }

    /// <summary>What the dialer would read from PostgreSQL now (docs/dialer-pacing.md, "The snapshot").</summary>
    public PacingSnapshot Snapshot()
    {
        var since = now - PacingPolicy.RollingWindow.TotalSeconds;
        Trim(windowResults, r => r.At, since);
        Trim(windowPeople, at => at, since);
        Trim(windowDrops, at => at, since);
        Trim(windowHandles, h => h.At, since);
        var handle = AverageHandle();
        var freeing = agents.Where(a => a.Busy)
            .Select(a => TimeSpan.FromSeconds(Math.Max(0, handle - (now - a.CallStartedAt)))).ToArray();
        var people = windowResults.Where(r => r.Person).ToArray();
        return new PacingSnapshot(
            settings.Mode,
            agents.Count(a => !a.Busy),
            freeing,
            inFlight,
            waiting.Count,
            new DialWindowStatistics(windowResults.Count, windowPeople.Count, windowDrops.Count),
            settings.AbandonCapPercent,
            TimeSpan.FromSeconds(windowResults.Count == 0 ? 0 : windowResults.Average(r => r.Ring)),
            TimeSpan.FromSeconds(handle),
            previous,
            TimeSpan.FromSeconds(people.Length == 0 ? 0 : people.Average(r => r.Ring)));
    }

    /// <summary>Handle time of the calls ended in the window plus the time so far of the calls going on, per call ended
    /// (the estimate of a mean from cut-off observations: early in a campaign only the short calls have ended); the
    /// campaign's expected handle time until ten calls have ended.</summary>
    private double AverageHandle()
    {
        if (windowHandles.Count < 10)
        {
            return ExpectedHandleSeconds;
        }
        var ongoing = agents.Where(a => a.Busy).Sum(a => now - a.CallStartedAt);
        return (windowHandles.Sum(h => h.Handle) + ongoing) / windowHandles.Count;
    }

    private const double ExpectedHandleSeconds = 180;

    private static void Trim<T>(Queue<T> queue, Func<T, double> at, double since)
    {
        while (queue.Count > 0 && at(queue.Peek()) <= since) queue.Dequeue();
    }

    private void Result(int dial)
    {
        inFlight--;
        var person = results[dial] == DialResult.Person;
        windowResults.Enqueue((now, rings[dial], person));
        if (!person)
        {
            return;
        }
        windowPeople.Enqueue(now);
        answerIndex[dial] = answers.Count;
        answers.Add((now, false));
        var free = LongestIdle();
        if (free >= 0)
        {
            Connect(free);
        }
        else
        {
            waiting.Add(dial);
            Schedule(now + PacingPolicy.DropAfter.TotalSeconds, Kind.DropDeadline, dial);
        }
    }

    private void DropDeadline(int dial)
    {
        if (!waiting.Remove(dial))
        {
            return;
        }
        dropped++;
        windowDrops.Enqueue(now);
        answers[answerIndex[dial]] = (answers[answerIndex[dial]].At, true);
    }

    private void AgentFree(int agent)
    {
        var a = agents[agent];
        a.Busy = false;
        a.IdleSince = now;
        windowHandles.Enqueue((now, now - a.CallStartedAt));
        if (waiting.Count > 0)
        {
            waiting.RemoveAt(0);
            Connect(agent);
        }
    }

    private int LongestIdle()
    {
        var best = -1;
        for (var i = 0; i < agents.Length; i++)
        {
            if (!agents[i].Busy && (best < 0 || agents[i].IdleSince < agents[best].IdleSince)) best = i;
        }
        return best;
    }

    private void Connect(int agent)
    {
        var a = agents[agent];
        if (a.Calls > 0)
        {
            idleBetweenCalls += now - a.IdleSince;
            callsAfterIdle++;
        }
        a.Calls++;
        a.Busy = true;
        a.CallStartedAt = now;
        connected++;
        var talk = Math.Max(20, AnswerMix.LogNormal(a.Handles, settings.MeanTalkSeconds, settings.TalkSpreadSeconds));
        var handle = talk + settings.MinWrapUpSeconds + a.Handles.NextDouble() * (settings.MaxWrapUpSeconds - settings.MinWrapUpSeconds);
        busySeconds += handle;
        Schedule(now + handle, Kind.AgentFree, agent);
    }

    private sealed class Agent(Random handles)
    {
        public Random Handles { get; } = handles;
        public bool Busy { get; set; }
        public double IdleSince { get; set; }
        public double CallStartedAt { get; set; }
        public int Calls { get; set; }
    }
}
