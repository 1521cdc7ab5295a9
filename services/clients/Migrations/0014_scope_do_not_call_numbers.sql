-- A do-not-call request binds the number (its keyed hash), not one contact row, with the scope chosen when it was
-- recorded: the client company (every project of that seller, the default) or the whole call center (no company).
-- Entries made before scopes existed came from erasures of do-not-call contacts and bound the whole call center: they
-- keep doing so.
ALTER TABLE do_not_call_numbers ADD COLUMN client_company_id uuid;
ALTER TABLE do_not_call_numbers ADD COLUMN source text NOT NULL DEFAULT 'erasure of a do-not-call contact';
ALTER TABLE do_not_call_numbers ADD COLUMN recorded_by uuid;
ALTER TABLE do_not_call_numbers DROP CONSTRAINT do_not_call_numbers_pkey;
CREATE UNIQUE INDEX do_not_call_numbers_by_scope
    ON do_not_call_numbers (tenant_id, phone_hash, coalesce(client_company_id, '00000000-0000-0000-0000-000000000000'::uuid));
ALTER TABLE do_not_call_numbers ADD FOREIGN KEY (tenant_id, client_company_id) REFERENCES client_companies (tenant_id, id);

-- Suppression lists: numbers an admin uploads (a national registry such as a Robinson list, a client company's own
-- list), with a scope and a source. A re-upload replaces the numbers whole and makes a new version; the numbers are
-- the list's own document (E.164, as the registry publishes them), matched against contacts by number.
CREATE TABLE suppression_lists (
    tenant_id          uuid        NOT NULL,
    id                 uuid        NOT NULL,
    name               text        NOT NULL,
    source             text        NOT NULL,
    client_company_id  uuid,                      -- null: the whole call center
    version            integer     NOT NULL,
    numbers            integer     NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, client_company_id) REFERENCES client_companies (tenant_id, id)
);
CREATE UNIQUE INDEX suppression_lists_by_name
    ON suppression_lists (tenant_id, lower(name), coalesce(client_company_id, '00000000-0000-0000-0000-000000000000'::uuid));

CREATE TABLE suppression_list_versions (
    tenant_id     uuid        NOT NULL,
    list_id       uuid        NOT NULL,
    version       integer     NOT NULL,
    file_name     text        NOT NULL,
    numbers       integer     NOT NULL,
    rejected      integer     NOT NULL,
    uploaded_by   uuid        NOT NULL,
    uploaded_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, list_id, version),
    FOREIGN KEY (tenant_id, list_id) REFERENCES suppression_lists (tenant_id, id)
);

CREATE TABLE suppression_numbers (
    tenant_id  uuid NOT NULL,
    list_id    uuid NOT NULL,
    phone      text NOT NULL,  -- E.164
    PRIMARY KEY (tenant_id, list_id, phone),
    FOREIGN KEY (tenant_id, list_id) REFERENCES suppression_lists (tenant_id, id)
);
CREATE INDEX suppression_numbers_by_phone ON suppression_numbers (tenant_id, phone);

SELECT enable_tenant_isolation('suppression_lists');
SELECT enable_tenant_isolation('suppression_list_versions');
SELECT enable_tenant_isolation('suppression_numbers');

-- Every change of a contact's card, field by field: who, when, from, to. Erasure blanks the values, keeps the facts.
CREATE TABLE contact_card_changes (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    contact_id   uuid        NOT NULL,
    field        text        NOT NULL,
    from_value   text,
    to_value     text,
    at           timestamptz NOT NULL,
    by_user      uuid        NOT NULL,
    position     integer     NOT NULL,  -- the field's place on the card, to read an edit's changes in order
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
);
CREATE INDEX contact_card_changes_by_contact ON contact_card_changes (tenant_id, contact_id, at);
SELECT enable_tenant_isolation('contact_card_changes');

-- An import counts the rows whose number is on a suppression list (imported, and blocked while the list holds it).
ALTER TABLE imports ADD COLUMN suppressed integer NOT NULL DEFAULT 0;
