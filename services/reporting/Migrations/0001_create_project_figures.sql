-- One row of running figures per project, started when the project is created.
-- Later projections (calls, agents, scripts) add to it; counts are by the event's own time.
CREATE TABLE project_figures (
    tenant_id        uuid        NOT NULL,
    project_id       uuid        NOT NULL,
    name             text        NOT NULL,
    direction        text        NOT NULL,
    time_zone        text        NOT NULL,
    started_at       timestamptz NOT NULL,
    calls_offered    bigint      NOT NULL DEFAULT 0,
    calls_answered   bigint      NOT NULL DEFAULT 0,
    calls_abandoned  bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, project_id)
);
