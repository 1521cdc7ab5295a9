-- The post-call survey: each rating answer (1–5) of a script session, with the session's project, call and agent user, by
-- the session's end. CSAT per agent, queue and project, and the agent scorecard's satisfaction, are read from these rows
-- (the queue from the call's record, the agent's name and group from agents); a rebuild refills them from the event log.
CREATE TABLE satisfaction_answers (
    tenant_id      uuid        NOT NULL,
    session_id     uuid        NOT NULL,
    step_id        text        NOT NULL,
    project_id     uuid        NOT NULL,
    call_id        uuid        NULL,
    agent_user_id  uuid        NULL,
    rating         integer     NOT NULL CHECK (rating BETWEEN 1 AND 5),
    answered_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, session_id, step_id)
);
CREATE INDEX satisfaction_answers_project ON satisfaction_answers (tenant_id, project_id, answered_at);
CREATE INDEX satisfaction_answers_agent ON satisfaction_answers (tenant_id, agent_user_id, answered_at);

SELECT enable_tenant_isolation('satisfaction_answers');
