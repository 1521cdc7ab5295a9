-- Which projects each agent works on, and who leads their group (from the queue service's AgentAssignmentsChanged, as
-- the clients service keeps them): an agent reads the scripts and script sessions of these projects only.
CREATE TABLE agent_assignments (
    tenant_id      uuid        NOT NULL,
    agent_id       uuid        NOT NULL,
    user_id        uuid,
    group_id       uuid,
    project_ids    uuid[]      NOT NULL,
    supervisor_id  uuid,
    changed_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, agent_id)
);
CREATE INDEX agent_assignments_by_user ON agent_assignments (tenant_id, user_id);
CREATE INDEX agent_assignments_by_supervisor ON agent_assignments (tenant_id, supervisor_id);
SELECT enable_tenant_isolation('agent_assignments');
