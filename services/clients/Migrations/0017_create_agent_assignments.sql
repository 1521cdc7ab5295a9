-- Which projects each agent works on, from the queue service (AgentAssignmentsChanged: explicit assignments and queue
-- memberships). An agent sees the contacts, history and plan of these projects only.
CREATE TABLE agent_assignments (
    tenant_id    uuid        NOT NULL,
    agent_id     uuid        NOT NULL,
    user_id      uuid,
    group_id     uuid,
    project_ids  uuid[]      NOT NULL,
    changed_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, agent_id)
);
CREATE INDEX agent_assignments_by_user ON agent_assignments (tenant_id, user_id);
SELECT enable_tenant_isolation('agent_assignments');
