namespace Platform.Contracts.Queue;

/// <summary>
/// Who works on which projects, as it stands after a change: the agent's user (<paramref name="UserId"/>, null when
/// the agent signs in as nobody), their group, and the projects of their explicit assignments and of the queues they are
/// members of. The clients service limits what an agent sees to these projects, and what the supervisor of the agent's
/// group sees (<paramref name="SupervisorId"/>, the group's leader, a user; null when the agent has no group or it no leader)
/// to their agents' projects.
/// </summary>
public sealed record AgentAssignmentsChanged(Guid TenantId, Guid AgentId, Guid? UserId, Guid? GroupId, Guid[] ProjectIds, DateTimeOffset At,
    Guid? SupervisorId = null) : ITenantEvent;
