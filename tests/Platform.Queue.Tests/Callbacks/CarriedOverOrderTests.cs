using Platform.Queue.Routing;
using Platform.Queue.Tests.Support;

namespace Platform.Queue.Tests.Callbacks;

/// <summary>A callback carried over from a closed day is offered first when its project opens, VIP callers excepted.</summary>
public sealed class CarriedOverOrderTests
{
    [Fact]
    public void A_carried_over_callback_is_offered_before_higher_priorities_and_older_calls()
    {
        var urgent = Make.Call(waitedSeconds: 3_600, priority: 9);
        var carried = Make.Call(waitedSeconds: 10) with { CarriedOver = true };

        Assert.Equal([carried, urgent], CallOrder.Sort([urgent, carried], aging: new PriorityAging(60, 5), Make.Now));
    }

    [Fact]
    public void A_vip_caller_still_goes_before_a_carried_over_callback()
    {
        var carried = Make.Call(waitedSeconds: 86_400, priority: 9) with { CarriedOver = true };
        var vip = Make.Call(waitedSeconds: 1, vip: true);

        Assert.Equal([vip, carried], CallOrder.Sort([carried, vip], aging: null, Make.Now));
    }

    [Fact]
    public void Carried_over_callbacks_keep_their_own_order_by_priority_then_arrival()
    {
        var older = Make.Call(waitedSeconds: 90_000) with { CarriedOver = true };
        var newer = Make.Call(waitedSeconds: 80_000) with { CarriedOver = true };
        var higher = Make.Call(waitedSeconds: 70_000, priority: 1) with { CarriedOver = true };

        Assert.Equal([higher, older, newer], CallOrder.Sort([newer, older, higher], aging: null, Make.Now));
    }
}
