using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Platform.Reporting.Tests.Agents;

public sealed class SplitEachTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] States = ["logged_out", "available", "offered", "on_call", "wrap_up", "break"];

    private static IReadOnlyList<ReportBuckets.Bucket> Quarters(DateTimeOffset from, DateTimeOffset to) =>
        ReportBuckets.Of(from, to, ReportBuckets.Quarter, DateTimeZone.Utc);

    [Fact]
    public void A_call_across_two_quarter_hours_is_busy_in_both_and_occupancy_is_per_interval()
    {
        StateChange[] changes =
        [
            new(Day.AddHours(8), "available", null, 1), new(Day.AddHours(8).AddMinutes(10), "on_call", null, 2),
            new(Day.AddHours(8).AddMinutes(20), "wrap_up", null, 3), new(Day.AddHours(8).AddMinutes(20), "available", null, 4),
            new(Day.AddHours(8).AddMinutes(25), "break", "lunch", 5), new(Day.AddHours(8).AddMinutes(40), "logged_out", null, 6),
        ];
        var time = StateTimeline.SplitEach(changes, Quarters(Day.AddHours(8), Day.AddHours(9)), Day.AddDays(1));
        Assert.Equal(900, time[0].StaffedSeconds);  // 08:00–08:15
        Assert.Equal(300, time[0].BusySeconds);   // 08:10–08:15
        Assert.Equal(300, time[1].BusySeconds);   // 08:15–08:20, the zero wrap-up takes no time
        Assert.Equal(600, time[1].StaffedSeconds); // 08:15–08:25, then lunch
        Assert.Equal(300, time[1].PauseSeconds["lunch"]);
        Assert.Equal(600, time[2].PauseSeconds["lunch"]);
        Assert.Equal(0, time[2].StaffedSeconds);
        Assert.Null(time[2].Occupancy);
        Assert.Equal(0, time[3].LoggedInSeconds);
        Assert.Equal(300.0 / 900, time[0].Occupancy!.Value, 10);
    }

    [Fact]
    public void An_open_state_counts_until_now_only() =>
        Assert.Equal([900, 300, 0], StateTimeline.SplitEach([new(Day.AddHours(-1), "available", null, 1)],
            Quarters(Day, Day.AddMinutes(45)), Day.AddMinutes(20)).Select(t => t.StaffedSeconds));

    [Property(MaxTest = 200)]
    public Property The_intervals_add_up_to_the_whole_spans_split() => Prop.ForAll(
        Gen.Choose(0, 5).SelectMany(state => Gen.Choose(-120, 24 * 60), (state, minute) => (state, minute)).ListOf().ToArbitrary(),
        moves =>
        {
            var changes = moves.Select((m, i) => new StateChange(Day.AddMinutes(m.minute), States[m.state], m.state == 5 ? "coffee" : null, i + 1)).ToList();
            var (from, to, now) = (Day, Day.AddDays(1), Day.AddHours(20));
            var whole = StateTimeline.Split(changes, from, to, now);
            var parts = StateTimeline.SplitEach(changes, Quarters(from, to), now);
            return Math.Abs(parts.Sum(p => p.StaffedSeconds) - whole.StaffedSeconds) < 1e-6
                && Math.Abs(parts.Sum(p => p.BusySeconds) - whole.BusySeconds) < 1e-6
                && Math.Abs(parts.Sum(p => p.LoggedInSeconds) - whole.LoggedInSeconds) < 1e-6
                && Math.Abs(parts.Sum(p => p.PauseSeconds.GetValueOrDefault("coffee")) - whole.PauseSeconds.GetValueOrDefault("coffee")) < 1e-6;
        });
}
