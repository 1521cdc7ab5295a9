namespace Platform.Reporting.Kpis;

/// <summary>
/// An agent's move into a state (the queue service's state names: logged_out, available, offered, on_call, wrap_up, break).
/// <paramref name="Sequence"/> is the agent's own order of changes (0 when the publisher did not number them).
/// </summary>
public sealed record StateChange(DateTimeOffset At, string State, string? PauseCode, long Sequence = 0);

/// <summary>Seconds an agent spent logged in, staffed, busy with calls, and on break by pause code, within one span of time.</summary>
public sealed record TimeInStates(double LoggedInSeconds, double StaffedSeconds, double BusySeconds, IReadOnlyDictionary<string, double> PauseSeconds)
{
    public double? Occupancy => Kpi.Occupancy(BusySeconds, StaffedSeconds);
}

public static class StateTimeline
{
    /// <summary>
    /// Splits the time from <paramref name="from"/> to <paramref name="to"/> (not past <paramref name="now"/>) by state.
    /// <paramref name="changes"/> may come in any order and should include the last change before <paramref name="from"/>
    /// (the state the span starts in); before any known change the agent counts as logged out. They are put in the agent's
    /// order (<see cref="Order"/>): two changes in one instant take no time between them, and a change stamped a little earlier
    /// than the one before it (clocks of concurrent requests) starts when that one did, so no second counts twice.
    /// </summary>
    public static TimeInStates Split(IEnumerable<StateChange> changes, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var end = to < now ? to : now;
        double loggedIn = 0, staffed = 0, busy = 0;
        var pauses = new Dictionary<string, double>();
        var ordered = Order(changes);
        var cursor = from;
        for (var i = 0; i < ordered.Count; i++)
        {
            var start = ordered[i].At > cursor ? ordered[i].At : cursor;
            var stop = i + 1 < ordered.Count && ordered[i + 1].At < end ? ordered[i + 1].At : end;
            cursor = stop > start ? stop : start;
            var seconds = (stop - start).TotalSeconds;
            if (seconds <= 0)
            {
                continue;
            }
            var state = ordered[i].State;
            if (state == "logged_out")
            {
                continue;
            }
            loggedIn += seconds;
            if (state == "break")
            {
                var code = ordered[i].PauseCode ?? "break";
                pauses[code] = pauses.GetValueOrDefault(code) + seconds;
                continue;
            }
            staffed += seconds;
            if (state is "on_call" or "wrap_up")
            {
                busy += seconds;
            }
        }
        return new TimeInStates(loggedIn, staffed, busy, pauses);
    }

    /// <summary>
    /// Splits each bucket's time by state in one walk over the changes (as <see cref="Split"/> does for one span; each bucket's
    /// figures equal <see cref="Split"/> over its span). <paramref name="changes"/> should include the last change before the
    /// first bucket.
    /// </summary>
    public static IReadOnlyList<TimeInStates> SplitEach(IEnumerable<StateChange> changes, IReadOnlyList<ReportBuckets.Bucket> buckets, DateTimeOffset now)
    {
        var loggedIn = new double[buckets.Count];
        var staffed = new double[buckets.Count];
        var busy = new double[buckets.Count];
        var pauses = buckets.Select(_ => new Dictionary<string, double>()).ToArray();
        var ordered = Order(changes);
        // A change stamped earlier than the one before it starts when that one did (as in Split).
        var starts = new DateTimeOffset[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            starts[i] = i > 0 && ordered[i].At < starts[i - 1] ? starts[i - 1] : ordered[i].At;
        }
        var first = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var state = ordered[i].State;
            if (state == "logged_out")
            {
                continue;
            }
            var segmentEnd = i + 1 < ordered.Count ? starts[i + 1] : DateTimeOffset.MaxValue;
            if (segmentEnd > now)
            {
                segmentEnd = now;
            }
            while (first < buckets.Count && buckets[first].To <= starts[i])
            {
                first++;
            }
            for (var b = first; b < buckets.Count && buckets[b].From < segmentEnd; b++)
            {
                var from = starts[i] > buckets[b].From ? starts[i] : buckets[b].From;
                var to = segmentEnd < buckets[b].To ? segmentEnd : buckets[b].To;
                var seconds = (to - from).TotalSeconds;
                if (seconds <= 0)
                {
                    continue;
                }
                loggedIn[b] += seconds;
                if (state == "break")
                {
                    var code = ordered[i].PauseCode ?? "break";
                    pauses[b][code] = pauses[b].GetValueOrDefault(code) + seconds;
                    continue;
                }
                staffed[b] += seconds;
                if (state is "on_call" or "wrap_up")
                {
                    busy[b] += seconds;
                }
            }
        }
        return buckets.Select((_, b) => new TimeInStates(loggedIn[b], staffed[b], busy[b], pauses[b])).ToList();
    }

    /// <summary>
    /// The agent's order: by sequence; changes recorded before the queue numbered them (0) by time, before every numbered one.
    /// </summary>
    public static List<StateChange> Order(IEnumerable<StateChange> changes) =>
        changes.OrderBy(c => c.Sequence).ThenBy(c => c.At).ToList();
}
