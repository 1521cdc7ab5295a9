using Platform.Queue.Tests.Support;

namespace Platform.Queue.Tests.Ordering;

public sealed class CallOrderTests
{
    private static readonly PriorityAging OnePointPerMinute = new(EverySeconds: 60, MaxBoost: 3);

    [Fact]
    public void Vip_call_is_offered_before_older_calls()
    {
        var old = Make.Call(waitedSeconds: 600, priority: 9);
        var vip = Make.Call(waitedSeconds: 1, vip: true);

        var order = CallOrder.Sort([old, vip], aging: null, Make.Now);

        Assert.Equal([vip, old], order);
    }

    [Fact]
    public void Higher_priority_call_is_offered_before_older_calls()
    {
        var old = Make.Call(waitedSeconds: 600, priority: 1);
        var urgent = Make.Call(waitedSeconds: 5, priority: 2);

        Assert.Equal([urgent, old], CallOrder.Sort([old, urgent], aging: null, Make.Now));
    }

    [Fact]
    public void Calls_of_equal_priority_are_first_come_first_served()
    {
        var first = Make.Call(waitedSeconds: 30);
        var second = Make.Call(waitedSeconds: 20);
        var third = Make.Call(waitedSeconds: 10);

        Assert.Equal([first, second, third], CallOrder.Sort([third, first, second], aging: null, Make.Now));
    }

    [Fact]
    public void Calls_enqueued_at_the_same_instant_are_ordered_by_call_id()
    {
        var low = Make.Call(waitedSeconds: 10, id: Guid.Parse("00000000-0000-0000-0000-000000000001"));
        var high = Make.Call(waitedSeconds: 10, id: Guid.Parse("00000000-0000-0000-0000-000000000002"));

        Assert.Equal([low, high], CallOrder.Sort([high, low], aging: null, Make.Now));
        Assert.Equal([low, high], CallOrder.Sort([low, high], aging: null, Make.Now));
    }

    [Fact]
    public void Same_instant_in_another_time_zone_is_the_same_place_in_line()
    {
        var utc = new WaitingCall(Guid.Parse("00000000-0000-0000-0000-000000000002"), false, 0, Make.Now.AddSeconds(-60));
        var later = new WaitingCall(Guid.Parse("00000000-0000-0000-0000-000000000001"), false, 0,
            Make.Now.AddSeconds(-30).ToOffset(TimeSpan.FromHours(-5)));

        Assert.Equal([utc, later], CallOrder.Sort([later, utc], aging: null, Make.Now));
    }

    [Fact]
    public void A_call_gains_one_point_per_full_interval_waited()
    {
        Assert.Equal(2, CallOrder.EffectivePriority(Make.Call(waitedSeconds: 59, priority: 2), OnePointPerMinute, Make.Now));
        Assert.Equal(3, CallOrder.EffectivePriority(Make.Call(waitedSeconds: 60, priority: 2), OnePointPerMinute, Make.Now));
        Assert.Equal(4, CallOrder.EffectivePriority(Make.Call(waitedSeconds: 179, priority: 2), OnePointPerMinute, Make.Now));
    }

    [Fact]
    public void Aging_stops_at_its_maximum_boost()
    {
        var call = Make.Call(waitedSeconds: 3600, priority: 2);

        Assert.Equal(5, CallOrder.EffectivePriority(call, OnePointPerMinute, Make.Now));
    }

    [Fact]
    public void A_call_enqueued_after_now_has_not_waited()
    {
        var call = Make.Call(waitedSeconds: -600, priority: 2);

        Assert.Equal(2, CallOrder.EffectivePriority(call, OnePointPerMinute, Make.Now));
    }

    [Fact]
    public void Without_aging_the_priority_is_the_calls_own()
    {
        Assert.Equal(2, CallOrder.EffectivePriority(Make.Call(waitedSeconds: 3600, priority: 2), aging: null, Make.Now));
    }

    [Fact]
    public void A_long_wait_lets_a_call_overtake_a_newer_call_of_higher_priority()
    {
        var patient = Make.Call(waitedSeconds: 185, priority: 1);
        var newcomer = Make.Call(waitedSeconds: 5, priority: 3);

        Assert.Equal([newcomer, patient], CallOrder.Sort([patient, newcomer], aging: null, Make.Now));
        Assert.Equal([patient, newcomer], CallOrder.Sort([patient, newcomer], OnePointPerMinute, Make.Now));
    }

    [Fact]
    public void Aging_never_lifts_a_call_above_a_vip_call()
    {
        var patient = Make.Call(waitedSeconds: 3600, priority: 50);
        var vip = Make.Call(waitedSeconds: 0, vip: true);

        Assert.Equal([vip, patient], CallOrder.Sort([patient, vip], OnePointPerMinute, Make.Now));
    }

    [Fact]
    public void Priority_near_the_top_of_the_range_does_not_overflow()
    {
        var call = Make.Call(waitedSeconds: 3600, priority: int.MaxValue);

        Assert.Equal(int.MaxValue, CallOrder.EffectivePriority(call, OnePointPerMinute, Make.Now));
    }

    [Fact]
    public void Comparer_agrees_with_sort()
    {
        var calls = new[] { Make.Call(10), Make.Call(20, vip: true), Make.Call(5, priority: 1), Make.Call(300) };

        var byComparer = calls.Order(CallOrder.Comparer(OnePointPerMinute, Make.Now)).ToArray();

        Assert.Equal(CallOrder.Sort(calls, OnePointPerMinute, Make.Now), byComparer);
    }
}
