-- The projects this service has heard of (from ProjectCreated), and their scripts.
CREATE TABLE projects (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE scripts (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    project_id  uuid        NOT NULL,
    name        text        NOT NULL,
    mode        text        NOT NULL CHECK (mode IN ('strict', 'guided')),
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id)
);
