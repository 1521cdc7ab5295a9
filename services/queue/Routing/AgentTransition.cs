namespace Platform.Queue.Routing;

/// <summary>
/// The answer to "may this agent do that now": when allowed, the state it leads <paramref name="To"/>; when
/// refused, <paramref name="To"/> is the unchanged state and <paramref name="Reason"/> says why, for a person.
/// </summary>
public sealed record AgentTransition(bool Allowed, AgentState To, string? Reason);
