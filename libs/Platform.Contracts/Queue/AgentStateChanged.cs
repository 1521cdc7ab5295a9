namespace Platform.Contracts.Queue;

/// <summary>An agent moved between logged out, available, offered, on call, wrap-up and break.</summary>
public sealed record AgentStateChanged(
    Guid TenantId, Guid AgentId, string From, string To, string? PauseCode, Guid? CallId, DateTimeOffset At) : ITenantEvent;
