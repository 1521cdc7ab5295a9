-- A client company's project: an inbound hotline, an outbound campaign, or both.
CREATE TABLE projects (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    name        text        NOT NULL,
    direction   text        NOT NULL CHECK (direction IN ('inbound', 'outbound', 'blended')),
    time_zone   text        NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  uuid        NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
