namespace Platform.Contracts.Queue;

/// <summary>
/// Who works on which projects, as it stands after a change: the agent's user (<paramref name="UserId"/>, null when
/// the agent signs in as nobody), their group, and the projects of their explicit assignments and of the queues they are
/// members of. The clients service limits what an agent sees to these projects.
/// </summary>
public sealed record AgentAssignmentsChanged(Guid TenantId, Guid AgentId, Guid? UserId, Guid? GroupId, Guid[] ProjectIds, DateTimeOffset At) : ITenantEvent;
