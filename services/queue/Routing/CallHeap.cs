namespace Platform.Queue.Routing;

/// <summary>
/// The waiting calls in call order, taken one at a time: a binary min-heap over <see cref="CallKey"/>, built in
/// linear time, so that a decision that needs only the first few calls does not sort the whole line.
/// </summary>
internal ref struct CallHeap
{
    private readonly Span<CallKey> keys;
    private int count;

    public CallHeap(Span<CallKey> keys)
    {
        this.keys = keys;
        count = keys.Length;
        for (var i = count / 2 - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    public bool TryTake(out CallKey first)
    {
        if (count == 0)
        {
            first = default;
            return false;
        }
        first = keys[0];
        count--;
        if (count > 0)
        {
            keys[0] = keys[count];
            SiftDown(0);
        }
        return true;
    }

    private readonly void SiftDown(int at)
    {
        var moving = keys[at];
        while (true)
        {
            var child = 2 * at + 1;
            if (child >= count)
            {
                break;
            }
            if (child + 1 < count && keys[child + 1].CompareTo(keys[child]) < 0)
            {
                child++;
            }
            if (keys[child].CompareTo(moving) >= 0)
            {
                break;
            }
            keys[at] = keys[child];
            at = child;
        }
        keys[at] = moving;
    }
}
