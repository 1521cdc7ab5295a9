namespace Platform.Contracts.Queue;

/// <summary>
/// An agent was created or changed: who they are, the user they sign in as (<paramref name="UserId"/>: the id other
/// services know them by, e.g. in outcomes and plans) and their group.
/// </summary>
public sealed record AgentChanged(Guid TenantId, Guid AgentId, Guid? UserId, string Name, Guid? GroupId, DateTimeOffset At) : ITenantEvent;
