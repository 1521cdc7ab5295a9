namespace Platform.Contracts.Queue;

/// <summary>
/// An agent moved between logged out, available, offered, on call, wrap-up and break. <paramref name="Sequence"/> numbers
/// the agent's changes in the order they were made (1, 2, 3 ...; 0 from publishers that did not number them): two changes
/// can share an instant (log in straight to available, a hang-up with no wrap-up), and the number keeps their order.
/// </summary>
public sealed record AgentStateChanged(
    Guid TenantId, Guid AgentId, string From, string To, string? PauseCode, Guid? CallId, DateTimeOffset At, long Sequence = 0) : ITenantEvent;
