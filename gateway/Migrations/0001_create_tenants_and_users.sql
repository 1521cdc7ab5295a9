-- Call centers (tenants) and the people who sign in to them.
CREATE TABLE tenants (
    id          uuid        PRIMARY KEY,
    slug        text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id             uuid        PRIMARY KEY,
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    username       text        NOT NULL,
    display_name   text        NOT NULL,
    password_hash  text        NOT NULL,
    roles          text[]      NOT NULL CHECK (roles <@ ARRAY['admin', 'supervisor', 'agent', 'client_viewer']),
    created_at     timestamptz NOT NULL DEFAULT now(),
    disabled_at    timestamptz,
    UNIQUE (tenant_id, username)
);
