namespace Platform.Reporting.Tests.Flows;

public sealed class QueueFlowTests
{
    private static readonly DateTimeOffset Later = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("answered", true, false, QueueFlow.CallbackCompleted)]
    [InlineData("answered", false, false, QueueFlow.CallbackCompleted)]
    [InlineData("no_answer", false, true, QueueFlow.CallbackRetried)]
    [InlineData("busy", true, false, QueueFlow.CallbackFailed)]
    [InlineData("failed", true, false, QueueFlow.CallbackFailed)]
    [InlineData("answering_machine", false, false, null)]
    public void A_callbacks_dial_out_is_completed_when_answered_failed_when_final_and_retried_when_another_attempt_is_planned(
        string result, bool final, bool retry, string? kind) =>
        Assert.Equal(kind, QueueFlow.OfDialOut("callback", result, final, retry ? Later : null));

    [Fact]
    public void Other_dial_outs_are_not_callbacks() => Assert.Null(QueueFlow.OfDialOut("campaign", "answered", true, null));
}
