-- What the other services tell about a contact's conversations, kept on the contact: the queue's handled calls (how
-- long the caller waited, talked, was on hold, and the wrap-up) and the answers given along the project's script (a
-- survey's product). Exported with the contact; an erasure deletes the answers and keeps the calls' durations.
CREATE TABLE contact_calls (
    tenant_id        uuid             NOT NULL,
    call_id          uuid             NOT NULL,
    contact_id       uuid             NOT NULL,
    queue_id         uuid             NOT NULL,
    agent_id         uuid             NOT NULL,
    wait_seconds     double precision NOT NULL,
    talk_seconds     double precision NOT NULL,
    hold_seconds     double precision NOT NULL,
    wrap_up_seconds  double precision NOT NULL,
    callback         boolean          NOT NULL,
    arrived_at       timestamptz      NOT NULL,
    completed_at     timestamptz      NOT NULL,
    PRIMARY KEY (tenant_id, call_id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
);
CREATE INDEX contact_calls_by_contact ON contact_calls (tenant_id, contact_id, completed_at);
SELECT enable_tenant_isolation('contact_calls');

CREATE TABLE script_answers (
    tenant_id              uuid        NOT NULL,
    session_id             uuid        NOT NULL,
    contact_id             uuid        NOT NULL,
    script_id              uuid        NOT NULL,
    version                integer     NOT NULL,
    call_id                uuid        NULL,
    outcome                text        NOT NULL,
    suggested_disposition  text        NULL,
    answers                jsonb       NOT NULL,
    completed_at           timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, session_id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
);
CREATE INDEX script_answers_by_contact ON script_answers (tenant_id, contact_id, completed_at);
SELECT enable_tenant_isolation('script_answers');
