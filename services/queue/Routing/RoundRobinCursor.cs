namespace Platform.Queue.Routing;

/// <summary>
/// Where round robin left off. The agent last picked is usually on a call by the next decision, so it is not among
/// the available agents; with <paramref name="LastMemberOrder"/> the rotation still continues after its place in
/// the member list. Without it, <paramref name="LastAgent"/> is looked up among the agents passed in, and when it
/// is not there the rotation starts again from the lowest member order.
/// </summary>
public readonly record struct RoundRobinCursor(Guid? LastAgent, int? LastMemberOrder);
