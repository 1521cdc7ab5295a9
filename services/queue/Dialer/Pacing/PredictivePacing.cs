namespace Platform.Queue.Dialer.Pacing;

/// <summary>
/// Predictive pacing: the most dials such that the expected drops of everything ringing stay under the allowance the
/// window leaves (<see cref="AbandonControl"/>), given the answer rate, when people answer and which agents are free by
/// then (idle ones for sure, busy ones each by its chance, <see cref="AgentRelease"/>). Never fewer than progressive.
/// </summary>
internal static class PredictivePacing
{
    private const int StackLimit = 512;

    public static PacingDecision Decide(PacingSnapshot now)
    {
        var idle = Math.Max(0, now.AgentsIdle);
        var freeing = now.AgentsFreeingIn ?? [];
        var agents = idle + freeing.Count;
        // The cap first: a campaign over it is paced as progressive whether or not an agent is free right now (the
        // decision is remembered for the hysteresis, so a tick without agents must not read as predictive).
        var allowance = AbandonControl.For(now);
        if (allowance.ProgressiveBecause is { } because)
        {
            return Pacer.Progressive(now, because);
        }
        if (agents == 0)
        {
            return new PacingDecision(0, DialMode.Predictive, "no agent free or on a call");
        }
        var progressive = Pacer.Progressive(now).Dials;
        var inFlight = Math.Max(0, now.DialsInFlight);
        var most = Math.Max(progressive, PacingPolicy.MaxDialsInFlightPerAgent * agents - inFlight);
        var recent = now.Recent ?? DialWindowStatistics.Empty;
        var p = AnswerRate.UpperBound(recent.Humans, recent.Dials);
        var answerIn = now.AverageTimeToAnswer > TimeSpan.Zero ? now.AverageTimeToAnswer : now.AverageRing;
        var horizon = (answerIn > TimeSpan.Zero ? answerIn : TimeSpan.Zero) + PacingPolicy.DropAfter;

        Span<double> release = freeing.Count <= StackLimit ? stackalloc double[freeing.Count] : new double[freeing.Count];
        var freeingSoon = 0.0;
        for (var i = 0; i < freeing.Count; i++)
        {
            release[i] = AgentRelease.Within(horizon, freeing[i], now.AverageHandle);
            freeingSoon += release[i];
        }
        Span<double> supply = agents < StackLimit ? stackalloc double[agents + 1] : new double[agents + 1];
        Span<double> scratch = agents < StackLimit ? stackalloc double[agents + 1] : new double[agents + 1];
        var drops = new ExpectedDrops(supply, scratch, idle, release, Math.Max(0, now.AnsweredWaiting));

        // The expected drops grow with every dial, faster than the people reached: the most dials that keep both limits
        // is found by bisection, from progressive (which risks no drop) up to the cap on dials ringing.
        int low = progressive, high = most;
        while (low < high)
        {
            var mid = low + (high - low + 1) / 2;
            var ringing = inFlight + mid;
            var expected = drops.For(ringing, p);
            if (expected > allowance.DropShare * ringing * p || expected > allowance.DropsLeft)
            {
                high = mid - 1;
            }
            else
            {
                low = mid;
            }
        }
        var dials = low;
        var state = allowance.Slowing ? "slowing near the cap" : "predictive";
        return new PacingDecision(dials, DialMode.Predictive,
            $"{state}: {idle} agents free and {freeingSoon:0.0} freeing within {horizon.TotalSeconds:0} s, {inFlight} ringing, " +
            $"answer rate ≤ {100 * p:0} %, abandon {recent.AbandonRatePercent:0.0#} % of {now.AbandonCapPercent:0.0#} % cap");
    }
}
