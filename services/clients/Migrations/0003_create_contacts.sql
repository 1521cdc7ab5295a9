-- Projects get what onboarding sets: the country of numbers written without a country code, the cooldown after
-- which a churned client is potential again, and the client company's calendar (see Calendar/CalendarDocument.cs).
-- (no country: numbers must be written with their country code)
ALTER TABLE projects ADD COLUMN country text CHECK (country ~ '^[A-Z]{2}$');
ALTER TABLE projects ADD COLUMN cooldown_days integer NOT NULL DEFAULT 90 CHECK (cooldown_days BETWEEN 0 AND 3650);
ALTER TABLE projects ADD COLUMN calendar jsonb NOT NULL DEFAULT '{}'::jsonb;

-- The project's dispositions catalogue.
CREATE TABLE dispositions (
    tenant_id              uuid    NOT NULL,
    project_id             uuid    NOT NULL,
    code                   text    NOT NULL,
    label                  text    NOT NULL,
    category               text    NOT NULL,
    lifecycle_move         text    NOT NULL,
    requires_next_contact  boolean NOT NULL,
    position               integer NOT NULL,
    PRIMARY KEY (tenant_id, project_id, code),
    FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id)
);

CREATE TABLE contacts (
    tenant_id          uuid        NOT NULL,
    id                 uuid        NOT NULL,
    project_id         uuid        NOT NULL,
    kind               text        NOT NULL CHECK (kind IN ('person', 'company')),
    name               text        NOT NULL,
    company            text,
    phone              text        NOT NULL,  -- E.164
    phone_region       text        NOT NULL,
    time_zone          text        NOT NULL,
    vip                boolean     NOT NULL DEFAULT false,
    status             text        NOT NULL,
    next_contact_at    timestamptz,
    callback_agent_id  uuid,                  -- a personal callback: only this agent's plan
    cooldown_until     timestamptz,
    custom_fields      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, project_id, phone),
    FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id)
);
CREATE INDEX contacts_due ON contacts (tenant_id, project_id, next_contact_at) WHERE status <> 'do_not_call';
CREATE INDEX contacts_by_name ON contacts (tenant_id, project_id, lower(name) text_pattern_ops);
CREATE INDEX contacts_cooldown ON contacts (cooldown_until) WHERE status = 'churned';

-- Every move of a contact's status: from, to, when, who (null: the platform itself), which call, why.
CREATE TABLE contact_status_history (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    contact_id   uuid        NOT NULL,
    from_status  text,
    to_status    text        NOT NULL,
    at           timestamptz NOT NULL,
    by_user      uuid,
    call_id      uuid,
    reason       text        NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
);
CREATE INDEX contact_status_history_by_contact ON contact_status_history (tenant_id, contact_id, at);

-- Every call's result.
CREATE TABLE call_outcomes (
    tenant_id         uuid        NOT NULL,
    id                uuid        NOT NULL,
    contact_id        uuid        NOT NULL,
    disposition_code  text        NOT NULL,
    category          text        NOT NULL,
    notes             text,
    duration_seconds  integer     CHECK (duration_seconds >= 0),
    agent_id          uuid        NOT NULL,
    call_id           uuid,
    next_contact_at   timestamptz,
    recorded_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
);
CREATE INDEX call_outcomes_by_contact ON call_outcomes (tenant_id, contact_id, recorded_at);

-- The consent ledger: every grant and withdrawal, per purpose; the latest counts.
CREATE TABLE consents (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    contact_id   uuid        NOT NULL,
    purpose      text        NOT NULL CHECK (purpose IN ('data_processing', 'calls', 'recording')),
    granted      boolean     NOT NULL,
    at           timestamptz NOT NULL,
    source       text        NOT NULL,
    expires_at   timestamptz,
    recorded_by  uuid        NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
);
CREATE INDEX consents_by_contact ON consents (tenant_id, contact_id, purpose, at);

SELECT enable_tenant_isolation('dispositions');
SELECT enable_tenant_isolation('contacts');
SELECT enable_tenant_isolation('contact_status_history');
SELECT enable_tenant_isolation('call_outcomes');
SELECT enable_tenant_isolation('consents');

-- The cooldown sweep finds due contacts across tenants, and only those: it says so with app.system_task and then
-- moves each contact inside that tenant's own session.
CREATE POLICY cooldown_sweep ON contacts FOR SELECT
    USING (current_setting('app.system_task', true) = 'cooldown' AND status = 'churned' AND cooldown_until <= now());
