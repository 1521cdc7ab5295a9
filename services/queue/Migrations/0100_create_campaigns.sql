-- Outbound campaigns (docs/dialer.md). The queue service owns a campaign, its agents, its pacing and its dials; the
-- clients service owns who may be called (the list, the dial-time checks, the leases).
--   state: draft -> running <-> paused -> stopped (final). A stopped campaign places no dial and its leases end.
--   source_kind: 'project_list' (every contact of the project) or 'search' (source_statuses, source_vip_only).
--   hours_from / hours_to: the campaign's hours in each contact's own local time, inside the client company's calendar.
CREATE TABLE campaigns (
    tenant_id            uuid        NOT NULL,
    id                   uuid        NOT NULL,
    project_id           uuid        NOT NULL,
    queue_id             uuid        NOT NULL,      -- the project's queue its calls are counted in (its wrap-up, its handle time)
    name                 text        NOT NULL,
    dial_mode            text        NOT NULL CHECK (dial_mode IN ('preview', 'progressive', 'predictive')),
    caller_id            text        NOT NULL,      -- E.164, the number presented
    source_kind          text        NOT NULL CHECK (source_kind IN ('project_list', 'search')),
    source_statuses      text[]      NOT NULL DEFAULT '{}',
    source_vip_only      boolean     NOT NULL DEFAULT false,
    hours_from           time        NULL,
    hours_to             time        NULL,
    abandon_cap_percent  numeric     NOT NULL DEFAULT 3 CHECK (abandon_cap_percent > 0 AND abandon_cap_percent <= 100),
    ring_seconds         integer     NOT NULL DEFAULT 25 CHECK (ring_seconds BETWEEN 5 AND 120),
    state                text        NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'running', 'paused', 'stopped')),
    state_reason         text        NULL,
    state_since          timestamptz NOT NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    last_tick_at         timestamptz NULL,
    exhausted_at         timestamptz NULL,      -- the last lease request found no contact dialable now
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id),
    FOREIGN KEY (tenant_id, queue_id) REFERENCES queues (tenant_id, id)
);
CREATE UNIQUE INDEX campaigns_name ON campaigns (tenant_id, project_id, lower(name));
CREATE INDEX campaigns_running ON campaigns (tenant_id) WHERE state = 'running';

-- The agents who work a campaign: named one by one, or by their group.
CREATE TABLE campaign_agents (
    tenant_id    uuid NOT NULL,
    campaign_id  uuid NOT NULL,
    agent_id     uuid NOT NULL,
    PRIMARY KEY (tenant_id, campaign_id, agent_id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, agent_id) REFERENCES agents (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX campaign_agents_agent ON campaign_agents (tenant_id, agent_id);
CREATE TABLE campaign_groups (
    tenant_id    uuid NOT NULL,
    campaign_id  uuid NOT NULL,
    group_id     uuid NOT NULL,
    PRIMARY KEY (tenant_id, campaign_id, group_id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, group_id) REFERENCES agent_groups (tenant_id, id) ON DELETE CASCADE
);

-- Every attempt on a contact. The id is also the call's id (calls.id) once an agent is on it, and the callId of its
-- dial_out command and dial-result report. status:
--   previewing  an agent reads the card (preview), no dial yet
--   ringing     dial_out sent, no result yet
--   answered    a person answered a predictive dial and waits for an agent (drop_at: 2 s after the answer)
--   connected   a person is talking to an agent (the agent's outcome ends the lease)
--   dropped     a person answered and no agent was connected by drop_at
--   ended       a result without a person (no answer, busy, machine, fax, invalid number, failed)
--   skipped     a preview the agent skipped (skip_reason)
--   cancelled   the campaign stopped before the dial was placed
CREATE TABLE campaign_dials (
    tenant_id     uuid        NOT NULL,
    id            uuid        NOT NULL,
    campaign_id   uuid        NOT NULL,
    contact_id    uuid        NOT NULL,
    number        text        NOT NULL,
    contact_name  text        NULL,
    time_zone     text        NULL,
    mode          text        NOT NULL,
    agent_id      uuid        NULL,      -- the reserved agent (preview, progressive) or the one connected (predictive)
    status        text        NOT NULL CHECK (status IN ('previewing', 'ringing', 'answered', 'connected', 'dropped', 'ended', 'skipped', 'cancelled')),
    result        text        NULL,      -- what the PBX reported
    skip_reason   text        NULL,
    created_at    timestamptz NOT NULL,
    placed_at     timestamptz NULL,
    result_at     timestamptz NULL,
    connected_at  timestamptz NULL,
    drop_at       timestamptz NULL,
    ended_at      timestamptz NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id)
);
-- A contact is in at most one open attempt (of any campaign) at a time: the database refuses a second.
CREATE UNIQUE INDEX campaign_dials_one_open_per_contact ON campaign_dials (tenant_id, contact_id)
    WHERE status IN ('previewing', 'ringing', 'answered');
CREATE INDEX campaign_dials_open ON campaign_dials (tenant_id, campaign_id, status) WHERE status IN ('previewing', 'ringing', 'answered');
CREATE INDEX campaign_dials_by_campaign ON campaign_dials (tenant_id, campaign_id, created_at);
CREATE INDEX campaign_dials_agent ON campaign_dials (tenant_id, agent_id) WHERE status = 'previewing';

SELECT enable_tenant_isolation('campaigns');
SELECT enable_tenant_isolation('campaign_agents');
SELECT enable_tenant_isolation('campaign_groups');
SELECT enable_tenant_isolation('campaign_dials');

-- The dial loop finds, across tenants (only as a member of platform_cross_tenant), the campaigns running or with an attempt
-- still open (a paused or stopped campaign's people answered are still connected or dropped), then paces each in its
-- tenant's session.
CREATE POLICY dialer_loop ON campaigns FOR SELECT
    USING (current_setting('app.system_task', true) = 'dialer' AND may_cross_tenants());
CREATE POLICY dialer_loop ON campaign_dials FOR SELECT
    USING (current_setting('app.system_task', true) = 'dialer' AND may_cross_tenants() AND status IN ('ringing', 'answered'));
