-- The projects this service has heard of (from ProjectCreated), and their queues.
CREATE TABLE projects (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    name        text        NOT NULL,
    direction   text        NOT NULL,
    time_zone   text        NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE queues (
    tenant_id                  uuid        NOT NULL,
    id                         uuid        NOT NULL,
    project_id                 uuid        NOT NULL,
    name                       text        NOT NULL,
    is_default                 boolean     NOT NULL DEFAULT false,
    strategy                   text        NOT NULL,
    service_level_percent      integer     NOT NULL CHECK (service_level_percent BETWEEN 1 AND 100),
    service_level_seconds      integer     NOT NULL CHECK (service_level_seconds > 0),
    wrap_up_seconds            integer     NOT NULL CHECK (wrap_up_seconds >= 0),
    created_at                 timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id)
);
-- one default inbound queue per project, however often ProjectCreated arrives
CREATE UNIQUE INDEX queues_one_default_per_project ON queues (tenant_id, project_id) WHERE is_default;
