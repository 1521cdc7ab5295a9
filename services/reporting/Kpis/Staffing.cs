namespace Platform.Reporting.Kpis;

/// <summary>What a staffing question asks: calls in an interval, its length, handle time, the service-level target and shrinkage (0–1).</summary>
public sealed record StaffingInput(
    double Calls, int IntervalMinutes, double HandleSeconds, double TargetServiceLevel, double ThresholdSeconds, double Shrinkage);

/// <summary>One agent count and what it gives.</summary>
public sealed record StaffingOption(int Agents, double ServiceLevel, double ProbabilityOfWaiting, double AverageSpeedOfAnswer, double Occupancy);

/// <summary>
/// The answer: traffic, the fewest agents on the phones that meet the target, the agents to schedule once shrinkage
/// (breaks, training, absence) is allowed for, and the neighbouring options.
/// </summary>
public sealed record StaffingPlan(double TrafficErlangs, StaffingOption Needed, int AgentsToSchedule, IReadOnlyList<StaffingOption> Options);

public static class Staffing
{
    /// <summary>Beyond this the input is not a call center's interval (and the search would not end in reasonable time).</summary>
    public const int MaxAgents = 10_000;

    /// <summary>The field at fault and why, for each impossible input; empty when the question can be answered.</summary>
    public static Dictionary<string, string[]> Check(StaffingInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (!double.IsFinite(input.Calls) || input.Calls < 0)
        {
            errors["callsPerInterval"] = ["Zero or more calls."];
        }
        if (input.IntervalMinutes is < 1 or > 1440)
        {
            errors["intervalMinutes"] = ["1 to 1440 minutes."];
        }
        if (!double.IsFinite(input.HandleSeconds) || input.HandleSeconds <= 0 || input.HandleSeconds > 86_400)
        {
            errors["ahtSeconds"] = ["A handle time above 0 seconds (at most a day)."];
        }
        if (!double.IsFinite(input.TargetServiceLevel) || input.TargetServiceLevel < 0.01 || input.TargetServiceLevel >= 1)
        {
            errors["serviceLevelPercent"] = ["A percent from 1 to below 100 (80 means 80 %; 0.8 is refused, not read as 80 %; 100 % needs infinitely many agents)."];
        }
        if (!double.IsFinite(input.ThresholdSeconds) || input.ThresholdSeconds < 0 || input.ThresholdSeconds > 3600)
        {
            errors["serviceLevelSeconds"] = ["0 to 3600 seconds."];
        }
        if (!double.IsFinite(input.Shrinkage) || input.Shrinkage < 0 || input.Shrinkage >= 1)
        {
            errors["shrinkagePercent"] = ["0 to below 100 percent."];
        }
        if (errors.Count == 0 && ErlangC.Traffic(input.Calls, input.IntervalMinutes * 60.0, input.HandleSeconds) >= MaxAgents)
        {
            errors["callsPerInterval"] = [$"The traffic needs more than {MaxAgents} agents in one interval."];
        }
        return errors;
    }

    /// <summary>The plan for a checked input (see <see cref="Check"/>).</summary>
    public static StaffingPlan Plan(StaffingInput input)
    {
        var traffic = ErlangC.Traffic(input.Calls, input.IntervalMinutes * 60.0, input.HandleSeconds);
        if (traffic == 0)
        {
            var none = new StaffingOption(0, 1, 0, 0, 0); // no calls: nobody needed, nobody waits
            return new StaffingPlan(0, none, 0, [none]);
        }
        var agents = Math.Max(1, (int)Math.Floor(traffic) + 1);
        while (Evaluate(input, traffic, agents).ServiceLevel < input.TargetServiceLevel)
        {
            agents++;
        }
        var options = Enumerable.Range(agents - 2, 5).Where(n => n > traffic && n >= 1).Select(n => Evaluate(input, traffic, n)).ToList();
        var needed = Evaluate(input, traffic, agents);
        return new StaffingPlan(traffic, needed, (int)Math.Ceiling(agents / (1 - input.Shrinkage) - 1e-9), options);
    }

    /// <summary>What <paramref name="agents"/> on the phones give; they must exceed the traffic.</summary>
    public static StaffingOption Evaluate(StaffingInput input, double traffic, int agents) => new(
        agents,
        ErlangC.ServiceLevel(traffic, agents, input.HandleSeconds, input.ThresholdSeconds),
        ErlangC.ProbabilityOfWaiting(traffic, agents),
        ErlangC.AverageSpeedOfAnswer(traffic, agents, input.HandleSeconds),
        ErlangC.Occupancy(traffic, agents));
}
