using FsCheck.Xunit;
using Platform.Queue.Tests.Support;

namespace Platform.Queue.Tests.Ordering;

[Properties(Arbitrary = [typeof(Generators)], MaxTest = 300)]
public sealed class CallOrderProperties
{
    [Property]
    public void Sort_keeps_every_call(WaitingCall[] calls, PriorityAging? aging)
    {
        var sorted = CallOrder.Sort(calls, aging, Make.Now);

        Assert.Equal(calls.Select(c => c.CallId).Order(), sorted.Select(c => c.CallId).Order());
    }

    /// <summary>Any two neighbours in the sorted line are in VIP, then effective priority, then arrival, then id order.</summary>
    [Property]
    public void Sorted_calls_go_vip_then_priority_then_first_come_first_served(WaitingCall[] calls, PriorityAging? aging)
    {
        var sorted = CallOrder.Sort(calls, aging, Make.Now);

        for (var i = 1; i < sorted.Count; i++)
        {
            var (before, after) = (sorted[i - 1], sorted[i]);
            var (p, q) = (CallOrder.EffectivePriority(before, aging, Make.Now), CallOrder.EffectivePriority(after, aging, Make.Now));
            var inOrder = before.Vip != after.Vip ? before.Vip
                : p != q ? p > q
                : before.EnqueuedAt != after.EnqueuedAt ? before.EnqueuedAt < after.EnqueuedAt
                : before.CallId.CompareTo(after.CallId) <= 0;
            Assert.True(inOrder, $"{before} sorted before {after}");
        }
    }

    [Property]
    public void The_order_calls_come_in_does_not_change_the_line(WaitingCall[] calls, PriorityAging? aging, int shuffleSeed)
    {
        var shuffled = calls.ToArray();
        new Random(shuffleSeed).Shuffle(shuffled);

        Assert.Equal(CallOrder.Sort(calls, aging, Make.Now), CallOrder.Sort(shuffled, aging, Make.Now));
    }

    [Property]
    public void The_comparer_is_a_total_order(WaitingCall[] calls, PriorityAging? aging)
    {
        var comparer = CallOrder.Comparer(aging, Make.Now);
        foreach (var a in calls)
        {
            foreach (var b in calls)
            {
                Assert.Equal(Math.Sign(comparer.Compare(a, b)), -Math.Sign(comparer.Compare(b, a)));
                Assert.Equal(a.CallId == b.CallId, comparer.Compare(a, b) == 0);
                foreach (var c in calls)
                {
                    if (comparer.Compare(a, b) <= 0 && comparer.Compare(b, c) <= 0)
                    {
                        Assert.True(comparer.Compare(a, c) <= 0);
                    }
                }
            }
        }
    }

    [Property]
    public void Aging_adds_between_nothing_and_its_maximum_and_never_falls_as_time_passes(
        WaitingCall call, PriorityAging? aging, byte laterMinutes)
    {
        var now = CallOrder.EffectivePriority(call, aging, Make.Now);
        var later = CallOrder.EffectivePriority(call, aging, Make.Now.AddMinutes(laterMinutes));

        Assert.InRange(now, call.Priority, call.Priority + Math.Max(0, aging?.MaxBoost ?? 0));
        Assert.True(later >= now);
    }
}
