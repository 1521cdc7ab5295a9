using FsCheck.Xunit;

namespace Platform.Reporting.Tests.Campaigns;

/// <summary>The worst 30-minute window of a campaign's abandon rate, one window ending at each person reached (bench/dialer-load.sh).</summary>
public sealed class WorstAbandonWindowTests
{
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);
    private static readonly DateTimeOffset From = new(2026, 12, 3, 0, 0, 0, TimeSpan.Zero), To = From.AddDays(1);

    private static DateTimeOffset At(string clock) => From + TimeSpan.Parse(clock, System.Globalization.CultureInfo.InvariantCulture);

    private static (DateTimeOffset, bool) Connected(string clock) => (At(clock), false);

    private static (DateTimeOffset, bool) Dropped(string clock) => (At(clock), true);

    private static WorstAbandonWindow.Window? Worst(params (DateTimeOffset, bool)[] people) => WorstAbandonWindow.Of(people, HalfHour, From, To);

    [Fact]
    public void No_people_reached_has_no_window()
    {
        Assert.Null(Worst());
    }

    [Fact]
    public void A_single_drop_is_a_window_of_one_person_all_dropped()
    {
        Assert.Equal(new WorstAbandonWindow.Window(1, 1, At("09:00")), Worst(Dropped("09:00")));
        Assert.Equal(100, Worst(Dropped("09:00"))!.RatePercent);
    }

    [Fact]
    public void People_but_no_drops_give_zero_over_the_fullest_window()
    {
        var worst = Worst(Connected("09:00"), Connected("09:10"), Connected("09:20"), Connected("10:00"));
        Assert.Equal(new WorstAbandonWindow.Window(0, 3, At("09:20")), worst);
        Assert.Equal(0, worst!.RatePercent);
    }

    [Fact]
    public void A_connect_then_a_drop_is_fifty_percent_at_the_drop()
    {
        Assert.Equal(new WorstAbandonWindow.Window(1, 2, At("09:05")), Worst(Connected("09:00"), Dropped("09:05")));
    }

    [Fact]
    public void People_exactly_30_minutes_apart_share_a_window_and_a_moment_later_do_not()
    {
        // Both ends included, as the dialer's window (result_at >= now - 30 min) and the benchmark's RANGE … PRECEDING.
        Assert.Equal(new WorstAbandonWindow.Window(1, 2, At("09:30")), Worst(Connected("09:00"), Dropped("09:30")));
        Assert.Equal(new WorstAbandonWindow.Window(1, 1, At("09:30:00.000001")), Worst(Connected("09:00"), Dropped("09:30:00.000001")));
    }

    [Fact]
    public void Everyone_reached_at_the_same_instant_is_in_that_instants_window()
    {
        // A drop and a connect stamped alike are one window of two, never the drop alone.
        Assert.Equal(new WorstAbandonWindow.Window(1, 2, At("09:00")), Worst(Dropped("09:00"), Connected("09:00")));
    }

    [Fact]
    public void Drops_outside_the_range_count_in_no_window()
    {
        var people = new[] { (From.AddMinutes(-10), true), Connected("00:05"), Connected("00:10"), Dropped("23:59"), (To, true), (To.AddMinutes(1), true) };

        var worst = WorstAbandonWindow.Of(people, HalfHour, From, To);

        Assert.Equal(new WorstAbandonWindow.Window(1, 1, At("23:59")), worst);   // the drop before the range is not in 00:05's window
        Assert.Equal(new WorstAbandonWindow.Window(0, 2, At("00:10")), WorstAbandonWindow.Of(people.Take(3), HalfHour, From, To));
    }

    [Fact]
    public void The_worst_is_the_highest_rate_then_the_most_people_then_the_earliest()
    {
        // 1 of 3 at 09:02 equals 2 of 6 at 11:05 exactly: the fuller wins; 1 of 2 at 13:01 is worse than both; 1 of 2 at 15:01 is no worse.
        var worst = Worst(
            Connected("09:00"), Connected("09:01"), Dropped("09:02"),
            Connected("11:00"), Connected("11:01"), Connected("11:02"), Connected("11:03"), Dropped("11:04"), Dropped("11:05"));
        Assert.Equal(new WorstAbandonWindow.Window(2, 6, At("11:05")), worst);
        Assert.Equal(33.33, worst!.RatePercent);

        var later = Worst(Connected("13:00"), Dropped("13:01"), Connected("15:00"), Dropped("15:01"));
        Assert.Equal(At("13:01"), later!.EndedAt);
    }

    [Fact]
    public void People_leave_the_window_as_it_rolls_on()
    {
        // 08:10 is 1 of 4; by 08:46 the first four have left its window (08:16–08:46): 1 of 2, not 2 of 6.
        var worst = Worst(Connected("08:00"), Connected("08:01"), Connected("08:02"), Dropped("08:10"), Connected("08:45"), Dropped("08:46"));
        Assert.Equal(new WorstAbandonWindow.Window(1, 2, At("08:46")), worst);
    }

    [Fact]
    public void Over_the_cap_is_the_shown_rate_above_it()
    {
        var window = new WorstAbandonWindow.Window(1, 33, At("09:00"));   // 3.0303… shown 3.03
        Assert.True(window.OverCap(3));
        Assert.False(window.OverCap(3.03));
        Assert.False(new WorstAbandonWindow.Window(0, 5, At("09:00")).OverCap(0.01));
    }

    [Fact]
    public void People_out_of_time_order_are_refused()
    {
        var windows = new WorstAbandonWindow(HalfHour, From, To);
        windows.Add(At("09:00"), false);
        Assert.Throws<ArgumentException>(() => windows.Add(At("08:59"), true));
    }

    [Property(MaxTest = 500)]
    public bool The_worst_is_the_worst_of_every_window_ending_at_a_person_counted_one_by_one(byte[] gaps, bool[] drops)
    {
        // People a few minutes apart (0 apart: the same instant), some of them before the range starts.
        var start = From.AddMinutes(-20);
        var people = gaps.Select((gap, i) => (Gap: gap % 12, Dropped: drops.Length > 0 && drops[i % drops.Length]))
            .Aggregate(new List<(DateTimeOffset At, bool Dropped)>(), (list, p) =>
            {
                list.Add(((list.Count == 0 ? start : list[^1].At).AddMinutes(p.Gap), p.Dropped));
                return list;
            });
        var to = From.AddHours(2);

        var fast = WorstAbandonWindow.Of(people, HalfHour, From, to);

        var inRange = people.Where(p => p.At >= From && p.At < to).ToList();
        var windows = inRange.Select(p => p.At).Distinct().Select(end =>
        {
            var held = inRange.Where(p => p.At >= end - HalfHour && p.At <= end).ToList();
            return new WorstAbandonWindow.Window(held.Count(p => p.Dropped), held.Count, end);
        }).ToList();
        var slow = windows.OrderByDescending(w => (double)w.Drops / w.People).ThenByDescending(w => w.People).ThenBy(w => w.EndedAt).FirstOrDefault();
        return fast == slow;
    }
}
