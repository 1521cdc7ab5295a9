-- The routing engine's state: queue settings, agents (skills, projects, groups, membership, state), the calls waiting
-- or in progress, and the open offers. The invariants live in constraints, not in isolation levels:
--   * an agent has at most one open offer            -> call_offers_one_per_agent
--   * a call is offered to one agent at a time       -> call_offers_one_per_call (ring-all rows excepted)
--   * an agent holds at most one call                -> calls_one_per_agent
-- and every state change is a conditional UPDATE on the row (the row lock decides between replicas).

ALTER TABLE queues
    ADD COLUMN required_skills        jsonb   NOT NULL DEFAULT '[]',
    ADD COLUMN relaxation             jsonb   NOT NULL DEFAULT '[]',
    ADD COLUMN aging_every_seconds    integer NULL CHECK (aging_every_seconds > 0),
    ADD COLUMN aging_max_boost        integer NULL CHECK (aging_max_boost > 0),
    ADD COLUMN ring_all_width         integer NOT NULL DEFAULT 5 CHECK (ring_all_width BETWEEN 2 AND 50),
    ADD COLUMN offer_timeout_seconds  integer NOT NULL DEFAULT 15 CHECK (offer_timeout_seconds BETWEEN 3 AND 120),
    ADD COLUMN max_wait_seconds       integer NULL CHECK (max_wait_seconds > 0),
    ADD COLUMN max_length             integer NULL CHECK (max_length > 0),
    ADD COLUMN overflow_queue_id      uuid    NULL,
    ADD COLUMN when_no_agents         text    NOT NULL DEFAULT 'wait',
    ADD COLUMN default_handle_seconds integer NOT NULL DEFAULT 180 CHECK (default_handle_seconds > 0),
    ADD COLUMN round_robin_last_agent uuid    NULL,
    ADD COLUMN dialled_numbers        text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN updated_at             timestamptz NULL;
ALTER TABLE queues ADD FOREIGN KEY (tenant_id, overflow_queue_id) REFERENCES queues (tenant_id, id);

CREATE TABLE agent_groups (
    tenant_id      uuid        NOT NULL,
    id             uuid        NOT NULL,
    name           text        NOT NULL,
    supervisor_id  uuid        NULL,      -- the gateway user who leads the group
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX agent_groups_name ON agent_groups (tenant_id, lower(name));

CREATE TABLE agents (
    tenant_id           uuid        NOT NULL,
    id                  uuid        NOT NULL,
    user_id             uuid        NULL,      -- the gateway user who signs in as this agent
    name                text        NOT NULL,
    group_id            uuid        NULL,
    state               text        NOT NULL DEFAULT 'logged_out',
    pause_code          text        NULL,
    state_since         timestamptz NOT NULL,
    idle_since          timestamptz NOT NULL,  -- when the agent last became free (longest idle)
    wrap_up_until       timestamptz NULL,
    day                 date        NULL,      -- the day the counters below belong to (UTC)
    calls_handled_today integer     NOT NULL DEFAULT 0,
    talk_seconds_today  bigint      NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, group_id) REFERENCES agent_groups (tenant_id, id),
    CHECK (state IN ('logged_out', 'available', 'offered', 'on_call', 'wrap_up', 'break'))
);
CREATE UNIQUE INDEX agents_one_per_user ON agents (tenant_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX agents_available ON agents (tenant_id, idle_since) WHERE state = 'available';

CREATE TABLE agent_skills (
    tenant_id    uuid    NOT NULL,
    agent_id     uuid    NOT NULL,
    skill        text    NOT NULL,
    proficiency  integer NOT NULL CHECK (proficiency BETWEEN 1 AND 10),
    PRIMARY KEY (tenant_id, agent_id, skill),
    FOREIGN KEY (tenant_id, agent_id) REFERENCES agents (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE agent_projects (
    tenant_id   uuid NOT NULL,
    agent_id    uuid NOT NULL,
    project_id  uuid NOT NULL,
    PRIMARY KEY (tenant_id, agent_id, project_id),
    FOREIGN KEY (tenant_id, agent_id) REFERENCES agents (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id)
);

CREATE TABLE queue_members (
    tenant_id     uuid    NOT NULL,
    queue_id      uuid    NOT NULL,
    agent_id      uuid    NOT NULL,
    tier          integer NOT NULL DEFAULT 1 CHECK (tier BETWEEN 1 AND 9),
    member_order  integer NOT NULL,
    PRIMARY KEY (tenant_id, queue_id, agent_id),
    FOREIGN KEY (tenant_id, queue_id) REFERENCES queues (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, agent_id) REFERENCES agents (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX queue_members_agent ON queue_members (tenant_id, agent_id);

CREATE TABLE agent_state_history (
    tenant_id   uuid        NOT NULL,
    id          bigint      GENERATED ALWAYS AS IDENTITY,
    agent_id    uuid        NOT NULL,
    from_state  text        NOT NULL,
    to_state    text        NOT NULL,
    pause_code  text        NULL,
    call_id     uuid        NULL,
    at          timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX agent_state_history_agent ON agent_state_history (tenant_id, agent_id, at);

-- The calls. enqueued_at is the call's place in line: kept when an offer goes unanswered, when it waits as a
-- callback, and reset only by a transfer into another queue.
CREATE TABLE calls (
    tenant_id         uuid        NOT NULL,
    id                uuid        NOT NULL,
    project_id        uuid        NOT NULL,
    queue_id          uuid        NOT NULL,
    first_queue_id    uuid        NOT NULL,
    caller_number     text        NOT NULL,
    dialled_number    text        NULL,
    external_id       text        NULL,      -- the PBX's own id for the call
    contact_id        uuid        NULL,
    vip               boolean     NOT NULL,
    priority          integer     NOT NULL DEFAULT 0,
    status            text        NOT NULL,
    callback_number   text        NULL,      -- set when the caller asked to be called back
    target_agent_id   uuid        NULL,      -- a transfer to one agent: only they may take it
    agent_id          uuid        NULL,      -- the agent on the call or in its wrap-up
    arrived_at        timestamptz NOT NULL,
    enqueued_at       timestamptz NOT NULL,
    offered_at        timestamptz NULL,
    answered_at       timestamptz NULL,
    ended_at          timestamptz NULL,      -- talk ended (hang-up), or the caller left
    completed_at      timestamptz NULL,
    hold_seconds      integer     NOT NULL DEFAULT 0,
    wait_seconds      numeric     NULL,
    ring_no_answers   integer     NOT NULL DEFAULT 0,
    end_reason        text        NULL,
    transferred_from  uuid        NULL,      -- the agent who transferred it
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, queue_id) REFERENCES queues (tenant_id, id),
    CHECK (status IN ('waiting', 'offered', 'on_call', 'wrap_up', 'completed', 'abandoned', 'rejected'))
);
CREATE UNIQUE INDEX calls_one_per_agent ON calls (tenant_id, agent_id) WHERE status IN ('on_call', 'wrap_up');
CREATE UNIQUE INDEX calls_external_id ON calls (tenant_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX calls_waiting ON calls (tenant_id, queue_id, vip DESC, priority DESC, enqueued_at) WHERE status = 'waiting';

CREATE TABLE call_offers (
    tenant_id   uuid        NOT NULL,
    call_id     uuid        NOT NULL,
    agent_id    uuid        NOT NULL,
    ring_all    boolean     NOT NULL,
    offered_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, call_id, agent_id),
    FOREIGN KEY (tenant_id, call_id) REFERENCES calls (tenant_id, id),
    FOREIGN KEY (tenant_id, agent_id) REFERENCES agents (tenant_id, id)
);
CREATE UNIQUE INDEX call_offers_one_per_agent ON call_offers (tenant_id, agent_id);
CREATE UNIQUE INDEX call_offers_one_per_call ON call_offers (tenant_id, call_id) WHERE NOT ring_all;
CREATE INDEX call_offers_expiry ON call_offers (expires_at);

-- The contacts this service has heard of (clients service events): the caller's card on the screen pop and the
-- VIP flag, without asking the CRM while the caller waits.
CREATE TABLE contact_directory (
    tenant_id   uuid        NOT NULL,
    contact_id  uuid        NOT NULL,
    project_id  uuid        NOT NULL,
    phone       text        NULL,
    name        text        NULL,
    status      text        NOT NULL,
    vip         boolean     NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, contact_id)
);
CREATE INDEX contact_directory_phone ON contact_directory (tenant_id, project_id, phone);

SELECT enable_tenant_isolation('agent_groups');
SELECT enable_tenant_isolation('agents');
SELECT enable_tenant_isolation('agent_skills');
SELECT enable_tenant_isolation('agent_projects');
SELECT enable_tenant_isolation('queue_members');
SELECT enable_tenant_isolation('agent_state_history');
SELECT enable_tenant_isolation('calls');
SELECT enable_tenant_isolation('call_offers');
SELECT enable_tenant_isolation('contact_directory');

-- The routing sweep (offer expiries, wrap-up ends, waits past the limit, re-routing as skills relax) finds its work
-- across tenants, and only that work, when it says so with app.system_task; it then acts in each tenant's session.
CREATE POLICY routing_sweep ON call_offers FOR SELECT
    USING (current_setting('app.system_task', true) = 'routing');
CREATE POLICY routing_sweep ON calls FOR SELECT
    USING (current_setting('app.system_task', true) = 'routing' AND status = 'waiting');
CREATE POLICY routing_sweep ON agents FOR SELECT
    USING (current_setting('app.system_task', true) = 'routing' AND state = 'wrap_up');
CREATE POLICY routing_sweep ON queues FOR SELECT
    USING (current_setting('app.system_task', true) = 'routing');
-- the average handle time of the last hour, for the estimated wait
CREATE INDEX calls_completed ON calls (tenant_id, queue_id, completed_at) WHERE status = 'completed';
