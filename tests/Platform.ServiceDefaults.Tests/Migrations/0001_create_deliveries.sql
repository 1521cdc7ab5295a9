-- How often the test consumer applied an event per project: a duplicate that got through would show as 2.
CREATE TABLE deliveries (
    tenant_id   uuid    NOT NULL,
    project_id  uuid    NOT NULL,
    applied     integer NOT NULL,
    PRIMARY KEY (tenant_id, project_id)
);
