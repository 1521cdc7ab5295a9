-- A call detail record per call and queue (a leg: a transfer or an overflow into another queue starts another), kept from
-- the queue service's call events by their own times, and every written call result (outcome) with its category. The
-- call lists (CDRs, the abandoned callers), the disposition report, transfer/overflow/callback statistics and agents'
-- reports over a range are read from these rows; a rebuild refills them from the event log.
CREATE TABLE call_records (
    tenant_id              uuid             NOT NULL,
    call_id                uuid             NOT NULL,
    queue_id               uuid             NOT NULL,
    project_id             uuid             NULL,
    contact_id             uuid             NULL,
    caller_number          text             NULL,
    arrived_at             timestamptz      NULL,
    queued_at              timestamptz      NULL,
    answered_at            timestamptz      NULL,
    agent_id               uuid             NULL,
    wait_seconds           double precision NULL,
    abandoned_at           timestamptz      NULL,
    callback_requested_at  timestamptz      NULL,
    callback_number        text             NULL,
    overflowed_at          timestamptz      NULL,
    overflow_queue_id      uuid             NULL,
    transferred_at         timestamptz      NULL,
    transfer_queue_id      uuid             NULL,
    completed_at           timestamptz      NULL,
    talk_seconds           double precision NULL,
    hold_seconds           double precision NULL,
    wrap_up_seconds        double precision NULL,
    -- 'outbound' when the conversation was a dial-out (a callback today; the dialer's calls later), else 'inbound'.
    direction              text             NOT NULL DEFAULT 'inbound',
    service_level_seconds  integer          NULL,
    PRIMARY KEY (tenant_id, call_id, queue_id)
);
CREATE INDEX call_records_project ON call_records (tenant_id, project_id, arrived_at);
CREATE INDEX call_records_queue ON call_records (tenant_id, queue_id, arrived_at);
CREATE INDEX call_records_agent ON call_records (tenant_id, agent_id, completed_at);
CREATE INDEX call_records_caller ON call_records (tenant_id, project_id, caller_number);
CREATE INDEX call_records_callback ON call_records (tenant_id, project_id, callback_number) WHERE callback_number IS NOT NULL;

CREATE TABLE outcomes (
    tenant_id         uuid        NOT NULL,
    outcome_id        uuid        NOT NULL,
    project_id        uuid        NOT NULL,
    user_id           uuid        NOT NULL,
    contact_id        uuid        NOT NULL,
    call_id           uuid        NULL,
    disposition       text        NOT NULL,
    category          text        NOT NULL,
    duration_seconds  integer     NULL,
    recorded_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, outcome_id)
);
CREATE INDEX outcomes_project ON outcomes (tenant_id, project_id, recorded_at);
CREATE INDEX outcomes_user ON outcomes (tenant_id, user_id, recorded_at);
CREATE INDEX outcomes_call ON outcomes (tenant_id, call_id);

SELECT enable_tenant_isolation('call_records');
SELECT enable_tenant_isolation('outcomes');
