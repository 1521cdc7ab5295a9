-- Reporting knows a queue from its creation (QueueConfigured): its name, service-level goal and thresholds, before any
-- call. Its member agents (QueueMembersReplaced) narrow the wallboard's agents and the live agent list to a queue or project.
-- State changes keep the call they concern (the agent list's current call); a call's row remembers a callback request.
ALTER TABLE queues ADD COLUMN name text NULL;
ALTER TABLE queues ADD COLUMN service_level_percent integer NULL;
ALTER TABLE queues ADD COLUMN short_abandon_seconds integer NULL;
ALTER TABLE queues ADD COLUMN configured_at timestamptz NULL;

CREATE TABLE queue_members (
    tenant_id   uuid NOT NULL,
    queue_id    uuid NOT NULL,
    agent_id    uuid NOT NULL,
    PRIMARY KEY (tenant_id, queue_id, agent_id)
);
CREATE INDEX queue_members_agent ON queue_members (tenant_id, agent_id);

-- When each queue's member list was last replaced: an older replacement arriving late changes nothing.
CREATE TABLE queue_member_lists (
    tenant_id    uuid        NOT NULL,
    queue_id     uuid        NOT NULL,
    replaced_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, queue_id)
);

SELECT enable_tenant_isolation('queue_members');
SELECT enable_tenant_isolation('queue_member_lists');

ALTER TABLE agent_state_changes ADD COLUMN call_id uuid NULL;
ALTER TABLE live_calls ADD COLUMN callback_at timestamptz NULL;
