namespace Platform.Queue.Routing;

/// <summary>
/// The offers one routing pass made, in call order, and where round robin now stands
/// (the last agent it picked; unchanged from the input when it picked nobody or the queue is not round robin).
/// </summary>
public sealed record RoutingResult(IReadOnlyList<Assignment> Assignments, Guid? RoundRobinLastAgent)
{
    /// <summary>The member order of <see cref="RoundRobinLastAgent"/> when known: store it with the agent id and pass both back in a <see cref="RoundRobinCursor"/>.</summary>
    public int? RoundRobinLastMemberOrder { get; init; }
}
