-- Supervisors see their groups' projects: the leader of each agent's group (AgentAssignmentsChanged.SupervisorId, from
-- the queue service's groups), so a supervisor's projects are those of the agents of the groups they lead.
ALTER TABLE agent_assignments ADD COLUMN supervisor_id uuid;
CREATE INDEX agent_assignments_by_supervisor ON agent_assignments (tenant_id, supervisor_id);
