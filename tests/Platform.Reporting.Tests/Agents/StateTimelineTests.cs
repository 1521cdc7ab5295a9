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
}
