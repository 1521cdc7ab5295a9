-- An agent's state changes carry the queue service's per-agent sequence: two changes in one instant (log in straight to
-- available, a hang-up with no wrap-up) are ordered by it. Changes recorded before the queue numbered them keep 0 and
-- order by time, before every numbered one. The same change delivered twice is still kept once.
ALTER TABLE agent_state_changes ADD COLUMN sequence bigint NOT NULL DEFAULT 0;
ALTER TABLE agent_state_changes DROP CONSTRAINT agent_state_changes_pkey;
ALTER TABLE agent_state_changes ADD PRIMARY KEY (tenant_id, agent_id, at, state, sequence);
CREATE INDEX agent_state_changes_latest ON agent_state_changes (tenant_id, agent_id, sequence DESC, at DESC);
