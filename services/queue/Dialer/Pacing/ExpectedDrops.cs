namespace Platform.Queue.Dialer.Pacing;

/// <summary>
/// The expected number of people who answer and find no agent, when <c>outstanding</c> dials each reach a person with
/// chance <c>p</c> (binomial) and the agents free by then are the idle ones plus each busy agent with its own chance
/// (Poisson-binomial), less the people already waiting. E[(people − agents)⁺], computed exactly.
/// </summary>
internal ref struct ExpectedDrops
{
    private readonly Span<double> supply;   // P(agents free for new answers = s), s = 0..agents
    private readonly Span<double> answered; // scratch: P(people answering = c)

    /// <param name="supply">Room for agents + 1 values.</param>
    /// <param name="scratch">Room for agents + 1 values.</param>
    public ExpectedDrops(Span<double> supply, Span<double> scratch, int idle, ReadOnlySpan<double> release, int waiting)
    {
        this.supply = supply;
        answered = scratch;
        supply.Clear();
        var top = Math.Max(0, idle);
        supply[top] = 1;
        foreach (var q in release)
        {
            // One more busy agent who is free in time with chance q.
            top++;
            for (var s = top; s > 0; s--)
            {
                supply[s] = supply[s] * (1 - q) + supply[s - 1] * q;
            }
            supply[0] *= 1 - q;
        }
        if (waiting > 0)
        {
            // The people waiting take the first agents; none below zero.
            var shift = Math.Min(waiting, supply.Length);
            var none = 0.0;
            for (var s = 0; s < shift; s++)
            {
                none += supply[s];
            }
            supply[shift..].CopyTo(supply);
            supply[^shift..].Clear();
            supply[0] += none;
        }
    }

    public readonly double For(int outstanding, double p)
    {
        if (outstanding <= 0 || p <= 0)
        {
            return 0;
        }
        var maxS = supply.Length - 1;
        var upTo = Math.Min(outstanding, maxS);
        FillBinomial(outstanding, p, upTo);
        // E[(C − s)⁺] = E[C] − s + E[(s − C)⁺], and E[(s − C)⁺] grows by P(C < s) from one s to the next.
        var mean = outstanding * p;
        double below = 0, shortfall = 0, drops = 0;
        for (var s = 0; s <= maxS; s++)
        {
            if (supply[s] > 0)
            {
                drops += supply[s] * Math.Max(0, mean - s + shortfall);
            }
            below += s <= upTo ? answered[s] : 0;
            shortfall += below;
        }
        return drops;
    }

    private readonly void FillBinomial(int n, double p, int upTo)
    {
        if (p >= 1)
        {
            answered[..(upTo + 1)].Clear();
            if (n <= upTo) answered[n] = 1;
            return;
        }
        var log = n * Math.Log(1 - p);
        var odds = Math.Log(p / (1 - p));
        for (var c = 0; c <= upTo; c++)
        {
            answered[c] = Math.Exp(log);
            log += Math.Log((double)(n - c) / (c + 1)) + odds;
        }
    }
}
