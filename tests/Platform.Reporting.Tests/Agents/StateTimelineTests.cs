namespace Platform.Reporting.Tests.Agents;

public sealed class StateTimelineTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private static StateChange At(int hour, int minute, string state, string? pause = null) => new(Day.AddHours(hour).AddMinutes(minute), state, pause);

    [Fact]
    public void A_day_splits_into_staffed_busy_and_pause_time_by_code_in_any_order()
    {
        StateChange[] changes =
        [
            At(12, 0, "break", "lunch"), At(8, 0, "available"), At(9, 0, "on_call"), At(9, 30, "wrap_up"), At(9, 40, "available"),
            At(12, 30, "available"), At(15, 0, "break", "training"), At(16, 0, "logged_out"),
        ];
        var time = StateTimeline.Split(changes, Day, Day.AddDays(1), Day.AddDays(2));
        Assert.Equal(8 * 3600, time.LoggedInSeconds);
        Assert.Equal(6.5 * 3600, time.StaffedSeconds);
        Assert.Equal(40 * 60, time.BusySeconds);
        Assert.Equal(1800, time.PauseSeconds["lunch"]);
        Assert.Equal(3600, time.PauseSeconds["training"]);
        Assert.Equal(2400.0 / (6.5 * 3600), time.Occupancy!.Value, 10);
    }

    [Fact]
    public void A_state_entered_the_day_before_counts_from_midnight_and_an_open_state_until_now()
    {
        StateChange[] changes = [new(Day.AddHours(-2), "available", null)];
        var time = StateTimeline.Split(changes, Day, Day.AddDays(1), Day.AddHours(3));
        Assert.Equal(3 * 3600, time.StaffedSeconds);
    }

    [Fact]
    public void Without_any_change_the_agent_was_logged_out() =>
        Assert.Null(StateTimeline.Split([], Day, Day.AddDays(1), Day.AddDays(1)).Occupancy);

    private static StateChange Numbered(long sequence, DateTimeOffset at, string state, string? pause = null) => new(at, state, pause, sequence);

    [Fact]
    public void Logging_in_straight_to_available_counts_the_idle_time_as_staffed_not_as_a_pause()
    {
        var login = Day.AddHours(8);
        // The queue writes logged_out -> break (default pause) -> available in one instant; given in the reverse order.
        StateChange[] changes = [Numbered(2, login, "available"), Numbered(1, login, "break", "default"), Numbered(3, login.AddMinutes(30), "logged_out")];
        var time = StateTimeline.Split(changes, Day, Day.AddDays(1), Day.AddDays(2));
        Assert.Equal(1800, time.StaffedSeconds);
        Assert.Empty(time.PauseSeconds);
        Assert.Equal(0, time.Occupancy);
    }

    [Fact]
    public void A_hang_up_with_no_wrap_up_leaves_the_agent_idle_not_busy()
    {
        var t = Day.AddHours(9);
        // 3 s call, hang-up writes on_call -> wrap_up -> available at one instant, then 30 s idle (the 97 % case).
        StateChange[] changes =
        [
            Numbered(5, t.AddSeconds(3), "available"), Numbered(4, t.AddSeconds(3), "wrap_up"), Numbered(3, t, "on_call"),
            Numbered(2, t.AddSeconds(-1), "offered"), Numbered(1, t.AddSeconds(-1), "available"), Numbered(6, t.AddSeconds(33), "logged_out"),
        ];
        var time = StateTimeline.Split(changes, Day, Day.AddDays(1), Day.AddDays(2));
        Assert.Equal(34, time.StaffedSeconds, 6);
        Assert.Equal(3, time.BusySeconds, 6);
        Assert.Equal(3.0 / 34, time.Occupancy!.Value, 10);
    }

    [Fact]
    public void A_change_stamped_earlier_than_the_one_before_it_counts_no_second_twice()
    {
        var t = Day.AddHours(10);
        StateChange[] changes = [Numbered(1, t.AddSeconds(5), "available"), Numbered(2, t.AddSeconds(3), "on_call"), Numbered(3, t.AddSeconds(60), "logged_out")];
        var time = StateTimeline.Split(changes, Day, Day.AddDays(1), Day.AddDays(2));
        Assert.Equal(55, time.StaffedSeconds, 6);
        Assert.Equal(55, time.BusySeconds, 6);
    }

    [Fact]
    public void Unnumbered_changes_from_before_the_sequence_order_by_time_and_come_first()
    {
        StateChange[] changes = [Numbered(1, Day.AddHours(9), "logged_out"), At(8, 0, "available"), At(7, 0, "break", "meeting")];
        Assert.Equal(["break", "available", "logged_out"], StateTimeline.Order(changes).Select(c => c.State));
    }
}
