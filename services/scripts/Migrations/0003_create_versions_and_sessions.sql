-- Scripts get a draft (the JSON document being written) and immutable published versions; a project has one
-- active version; sessions walk a version; small projections of contacts and agents give the variables.

ALTER TABLE projects
    ADD COLUMN client_company_id   uuid,
    ADD COLUMN company_name        text,
    ADD COLUMN active_script_id    uuid,
    ADD COLUMN active_version      int;

ALTER TABLE scripts
    ADD COLUMN draft          jsonb       NOT NULL DEFAULT '{}',
    ADD COLUMN latest_version int         NOT NULL DEFAULT 0,
    ADD COLUMN updated_at     timestamptz NOT NULL DEFAULT now();

CREATE TABLE script_versions (
    tenant_id     uuid        NOT NULL,
    script_id     uuid        NOT NULL,
    version       int         NOT NULL CHECK (version > 0),
    document      jsonb       NOT NULL,
    published_at  timestamptz NOT NULL,
    published_by  uuid        NOT NULL,
    PRIMARY KEY (tenant_id, script_id, version),
    FOREIGN KEY (tenant_id, script_id) REFERENCES scripts (tenant_id, id)
);

-- A published version never changes: sessions that walk it and reports about it rely on that.
CREATE FUNCTION refuse_script_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'published script versions are immutable' USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER script_versions_immutable BEFORE UPDATE OR DELETE ON script_versions
    FOR EACH ROW EXECUTE FUNCTION refuse_script_version_change();

ALTER TABLE projects ADD FOREIGN KEY (tenant_id, active_script_id, active_version)
    REFERENCES script_versions (tenant_id, script_id, version);

-- The contacts' fields the scripts show (from the clients service's events); erased ones keep a tombstone so a late
-- event cannot bring their data back.
CREATE TABLE contacts (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    project_id  uuid        NOT NULL,
    name        text,
    phone       text,
    erased      boolean     NOT NULL DEFAULT false,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- Agents' names and the users they sign in as (from the queue service's AgentChanged).
CREATE TABLE agents (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    user_id     uuid,
    name        text        NOT NULL,
    changed_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX agents_by_user ON agents (tenant_id, user_id);

CREATE TABLE script_sessions (
    tenant_id      uuid        NOT NULL,
    id             uuid        NOT NULL,
    project_id     uuid        NOT NULL,
    script_id      uuid        NOT NULL,
    version        int         NOT NULL,
    call_id        uuid,
    agent_id       uuid,
    contact_id     uuid,
    agent_user_id  uuid,
    agent_name     text,
    state          jsonb       NOT NULL,
    status         text        NOT NULL CHECK (status IN ('open', 'completed', 'abandoned')),
    started_at     timestamptz NOT NULL,
    completed_at   timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, script_id, version) REFERENCES script_versions (tenant_id, script_id, version),
    -- One session per answered call and agent (a transferred call answered again opens one for the next agent).
    UNIQUE (tenant_id, call_id, agent_id)
);
CREATE INDEX script_sessions_by_agent ON script_sessions (tenant_id, agent_user_id, started_at DESC);
CREATE INDEX script_sessions_by_call ON script_sessions (tenant_id, call_id);

SELECT enable_tenant_isolation('script_versions');
SELECT enable_tenant_isolation('contacts');
SELECT enable_tenant_isolation('agents');
SELECT enable_tenant_isolation('script_sessions');
