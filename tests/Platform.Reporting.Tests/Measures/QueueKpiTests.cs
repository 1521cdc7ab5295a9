namespace Platform.Reporting.Tests.Measures;

/// <summary>A worked interval: 100 offered, 90 answered (72 within 20 s), 10 abandoned (4 within 20 s).</summary>
public sealed class QueueKpiTests
{
    private static readonly QueueCounts Interval = new(
        Offered: 100, Answered: 90, AnsweredWithinThreshold: 72, Abandoned: 10, AbandonedWithinThreshold: 4,
        AnswerWaitSeconds: 1350, LongestWaitSeconds: 240, Handled: 88, TalkSeconds: 88 * 200, HoldSeconds: 88 * 15, WrapUpSeconds: 88 * 40);

    [Fact]
    public void Service_level_is_answered_within_the_threshold_over_answered() => Assert.Equal(0.80, Interval.ServiceLevel!.Value, 10);

    [Fact]
    public void The_variant_counts_abandons_within_the_threshold_as_served_in_time() =>
        Assert.Equal((72 + 4) / 100.0, Interval.ServiceLevelCountingShortAbandons!.Value, 10);

    [Fact]
    public void Average_speed_of_answer_is_answer_wait_over_answered() => Assert.Equal(15.0, Interval.AverageSpeedOfAnswer!.Value, 10);

    [Fact]
    public void Average_handle_time_is_talk_with_hold_plus_wrap_up_per_handled_call() =>
        Assert.Equal(240.0, Interval.AverageHandleTime!.Value, 10);

    [Fact]
    public void Abandonment_rate_is_abandoned_over_offered() => Assert.Equal(0.10, Interval.AbandonmentRate!.Value, 10);

    [Fact]
    public void Rates_without_a_base_are_null_not_zero()
    {
        Assert.Null(QueueCounts.Zero.ServiceLevel);
        Assert.Null(QueueCounts.Zero.ServiceLevelCountingShortAbandons);
        Assert.Null(QueueCounts.Zero.AverageSpeedOfAnswer);
        Assert.Null(QueueCounts.Zero.AverageHandleTime);
        Assert.Null(QueueCounts.Zero.AbandonmentRate);
    }

    [Fact]
    public void Adding_intervals_sums_counts_and_keeps_the_longest_wait()
    {
        var other = QueueCounts.Zero with { Offered = 5, Answered = 5, AnsweredWithinThreshold = 5, LongestWaitSeconds = 300 };
        var day = Interval.Add(other);
        Assert.Equal(105, day.Offered);
        Assert.Equal(77 / 95.0, day.ServiceLevel!.Value, 10);
        Assert.Equal(300, day.LongestWaitSeconds);
    }

    [Theory]
    [InlineData(179.9, false)]
    [InlineData(180, true)]
    [InlineData(240, true)]
    [InlineData(300, true)]
    [InlineData(300.1, false)]
    public void The_three_to_five_minute_band_includes_its_bounds(double seconds, bool inBand) => Assert.Equal(inBand, Kpi.InBand(seconds));

    [Fact]
    public void Band_share_and_occupancy_are_plain_ratios()
    {
        Assert.Equal(0.25, Kpi.BandShare(3, 12)!.Value, 10);
        Assert.Equal(0.75, Kpi.Occupancy(5400, 7200)!.Value, 10);
        Assert.Null(Kpi.Occupancy(0, 0));
    }

    [Fact]
    public void Short_abandons_leave_the_abandonment_rate_and_the_service_level_over_offered_calls()
    {
        var interval = Interval with { ShortAbandoned = 4 }; // of the 10 abandoned, 4 hung up within the short-abandon threshold
        Assert.Equal(10 / 100.0, interval.AbandonmentRate!.Value, 10);
        Assert.Equal(6 / 96.0, interval.AbandonmentRateExcludingShortAbandons!.Value, 10);
        Assert.Equal(72 / 96.0, interval.ServiceLevelOfOffered!.Value, 10);
        Assert.Equal(0.80, interval.ServiceLevel!.Value, 10); // over answered calls: unchanged
        Assert.Equal(8, interval.Add(interval).ShortAbandoned);
    }

    [Fact]
    public void Only_short_abandons_offered_leaves_no_base() =>
        Assert.Null((QueueCounts.Zero with { Offered = 2, Abandoned = 2, ShortAbandoned = 2 }).AbandonmentRateExcludingShortAbandons);
}
