-- Reporting's projections. Every consumed event is kept whole in event_log (the raw material: a projection can be
-- rebuilt from it), and counted by the event's own time (not arrival) into rows keyed by interval or day, so late and
-- out-of-order events land where they belong. The inbox makes each message count once.

CREATE TABLE event_log (
    tenant_id     uuid        NOT NULL,
    message_id    uuid        NOT NULL,
    message_type  text        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    body          jsonb       NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, message_id, message_type)
);
CREATE INDEX event_log_replay ON event_log (tenant_id, occurred_at, received_at);

-- Queues as reporting learns them from calls: their project and service-level threshold T.
CREATE TABLE queues (
    tenant_id              uuid        NOT NULL,
    queue_id               uuid        NOT NULL,
    project_id             uuid        NOT NULL,
    service_level_seconds  integer     NULL,
    seen_at                timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, queue_id)
);

-- Per queue per 15-minute interval, by each event's own time.
CREATE TABLE queue_intervals (
    tenant_id                  uuid             NOT NULL,
    queue_id                   uuid             NOT NULL,
    interval_start             timestamptz      NOT NULL,
    project_id                 uuid             NOT NULL,
    offered                    bigint           NOT NULL DEFAULT 0,
    answered                   bigint           NOT NULL DEFAULT 0,
    answered_within_threshold  bigint           NOT NULL DEFAULT 0,
    abandoned                  bigint           NOT NULL DEFAULT 0,
    abandoned_within_threshold bigint           NOT NULL DEFAULT 0,
    answer_wait_seconds        double precision NOT NULL DEFAULT 0,
    longest_wait_seconds       double precision NOT NULL DEFAULT 0,
    handled                    bigint           NOT NULL DEFAULT 0,
    talk_seconds               double precision NOT NULL DEFAULT 0,
    hold_seconds               double precision NOT NULL DEFAULT 0,
    wrap_up_seconds            double precision NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, queue_id, interval_start)
);
CREATE INDEX queue_intervals_project ON queue_intervals (tenant_id, project_id, interval_start);

-- The wallboard's calls, one row per call and queue: waiting while left_at is empty or earlier than queued_at (a
-- transfer back into the same queue queues the call again).
CREATE TABLE live_calls (
    tenant_id   uuid        NOT NULL,
    call_id     uuid        NOT NULL,
    queue_id    uuid        NOT NULL,
    project_id  uuid        NOT NULL,
    queued_at   timestamptz NOT NULL,
    left_at     timestamptz NULL,
    PRIMARY KEY (tenant_id, call_id, queue_id)
);
CREATE INDEX live_calls_recent ON live_calls (tenant_id, queued_at);

CREATE TABLE project_days (
    tenant_id            uuid   NOT NULL,
    project_id           uuid   NOT NULL,
    day                  date   NOT NULL,
    outcomes             bigint NOT NULL DEFAULT 0,
    meetings             bigint NOT NULL DEFAULT 0,
    contracts            bigint NOT NULL DEFAULT 0,
    orders               bigint NOT NULL DEFAULT 0,
    complaints_opened    bigint NOT NULL DEFAULT 0,
    complaints_resolved  bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, project_id, day)
);

-- Agents (the queue service's records) with the user they sign in as: outcomes and plans name the user.
CREATE TABLE agents (
    tenant_id   uuid        NOT NULL,
    agent_id    uuid        NOT NULL,
    user_id     uuid        NULL,
    name        text        NOT NULL,
    group_id    uuid        NULL,
    changed_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, agent_id)
);
CREATE INDEX agents_user ON agents (tenant_id, user_id);
CREATE INDEX agents_group ON agents (tenant_id, group_id);

CREATE TABLE agent_state_changes (
    tenant_id   uuid        NOT NULL,
    agent_id    uuid        NOT NULL,
    at          timestamptz NOT NULL,
    state       text        NOT NULL,
    pause_code  text        NULL,
    PRIMARY KEY (tenant_id, agent_id, at, state)
);

CREATE TABLE agent_days (
    tenant_id        uuid             NOT NULL,
    agent_id         uuid             NOT NULL,
    day              date             NOT NULL,
    calls_handled    bigint           NOT NULL DEFAULT 0,
    talk_seconds     double precision NOT NULL DEFAULT 0,
    hold_seconds     double precision NOT NULL DEFAULT 0,
    wrap_up_seconds  double precision NOT NULL DEFAULT 0,
    calls_in_band    bigint           NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, agent_id, day)
);

-- What a user (an agent signing in) recorded per day: outcomes and the distinct contacts called.
CREATE TABLE user_days (
    tenant_id   uuid   NOT NULL,
    user_id     uuid   NOT NULL,
    day         date   NOT NULL,
    outcomes    bigint NOT NULL DEFAULT 0,
    meetings    bigint NOT NULL DEFAULT 0,
    contracts   bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, user_id, day)
);

CREATE TABLE user_day_contacts (
    tenant_id   uuid NOT NULL,
    user_id     uuid NOT NULL,
    day         date NOT NULL,
    contact_id  uuid NOT NULL,
    PRIMARY KEY (tenant_id, user_id, day, contact_id)
);

-- The plan of the day as last drawn (a redraw replaces it, as in the clients service).
CREATE TABLE daily_plans (
    tenant_id       uuid        NOT NULL,
    user_id         uuid        NOT NULL,
    day             date        NOT NULL,
    contacts        integer     NOT NULL,
    drawn_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id, day)
);

CREATE TABLE script_funnels (
    tenant_id   uuid   NOT NULL,
    script_id   uuid   NOT NULL,
    version     integer NOT NULL,
    project_id  uuid   NOT NULL,
    sessions    bigint NOT NULL DEFAULT 0,
    completed   bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, script_id, version)
);

CREATE TABLE script_funnel_steps (
    tenant_id      uuid             NOT NULL,
    script_id      uuid             NOT NULL,
    version        integer          NOT NULL,
    step_id        text             NOT NULL,
    sessions       bigint           NOT NULL DEFAULT 0,
    seconds        double precision NOT NULL DEFAULT 0,
    position_sum   bigint           NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, script_id, version, step_id)
);
