namespace Platform.Queue.Tests.Door;

/// <summary>The queue's door and the no-agent rule, as plain rules.</summary>
public sealed class AdmissionTests
{
    private static QueueLoad Load(int waiting = 0, int? maxLength = null, int staffed = 1, string whenNoAgents = "wait", bool overflowQueue = false) =>
        new(waiting, maxLength, staffed, whenNoAgents == "overflow", whenNoAgents == "reject", overflowQueue);

    [Fact]
    public void A_full_line_sends_the_call_to_the_overflow_queue_or_refuses_it()
    {
        Assert.Equal(AdmissionVerdict.Overflow, Admission.Decide(Load(waiting: 3, maxLength: 3, overflowQueue: true)).Verdict);
        Assert.Equal(AdmissionVerdict.Reject, Admission.Decide(Load(waiting: 3, maxLength: 3)).Verdict);
        Assert.Equal(AdmissionVerdict.Join, Admission.Decide(Load(waiting: 2, maxLength: 3)).Verdict);
    }

    [Theory]
    [InlineData("wait", 0, null)]
    [InlineData("reject", 1, null)]
    [InlineData("reject", 0, AdmissionVerdict.Reject)]
    [InlineData("overflow", 0, AdmissionVerdict.Overflow)]
    public void The_last_agent_leaving_settles_the_waiting_calls_only_when_the_rule_says_so(string rule, int staffed, AdmissionVerdict? expected)
    {
        var decision = Admission.WhenLastAgentLeft(Load(staffed: staffed, whenNoAgents: rule, overflowQueue: true));

        Assert.Equal(expected, decision?.Verdict);
        if (decision is not null)
        {
            Assert.Equal(Admission.NobodyStaffed, decision.Reason);
        }
    }

    [Fact]
    public void Overflow_stops_at_the_hop_limit()
    {
        Assert.True(Admission.MayOverflowAgain(Admission.MaxOverflowHops - 1));
        Assert.False(Admission.MayOverflowAgain(Admission.MaxOverflowHops));
    }

    [Fact]
    public void The_max_wait_counts_from_when_the_wait_started()
    {
        var started = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

        Assert.False(Admission.WaitedTooLong(started, 60, started.AddSeconds(59)));
        Assert.True(Admission.WaitedTooLong(started, 60, started.AddSeconds(60)));
        Assert.False(Admission.WaitedTooLong(started, null, started.AddDays(1)));
    }
}
