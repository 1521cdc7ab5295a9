-- Events of an erased contact's calls that were not recognised as the contact (an unknown number then) can arrive after the
-- erasure: they are matched by the number. Only a SHA-256 of each number is kept (never the number), per project, so a
-- call from it that lands later is stored without it. See Erasure/ContactErasedConsumer.cs.
CREATE TABLE erased_numbers (
    tenant_id    uuid        NOT NULL,
    project_id   uuid        NOT NULL,
    number_hash  bytea       NOT NULL,
    erased_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, project_id, number_hash)
);
SELECT enable_tenant_isolation('erased_numbers');

CREATE FUNCTION erased_number(tenant uuid, project uuid, number text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT number IS NOT NULL AND EXISTS (
        SELECT 1 FROM erased_numbers n
        WHERE n.tenant_id = tenant AND (project IS NULL OR n.project_id = project) AND n.number_hash = sha256(convert_to(number, 'UTF8')))
$$;

CREATE OR REPLACE FUNCTION scrub_late_call_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.contact_id IS NOT NULL AND EXISTS (SELECT 1 FROM erased_contacts e WHERE e.tenant_id = NEW.tenant_id AND e.contact_id = NEW.contact_id))
       OR erased_number(NEW.tenant_id, NEW.project_id, NEW.caller_number) OR erased_number(NEW.tenant_id, NEW.project_id, NEW.callback_number) THEN
        NEW.caller_number := NULL;
        NEW.callback_number := NULL;
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION scrub_late_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    project uuid := CASE WHEN NEW.body ->> 'projectId' ~ '^[0-9a-f-]{36}$' THEN (NEW.body ->> 'projectId')::uuid END;
BEGIN
    IF EXISTS (SELECT 1 FROM erased_contacts e WHERE e.tenant_id = NEW.tenant_id AND e.contact_id::text = NEW.body ->> 'contactId')
       OR EXISTS (SELECT 1 FROM call_records cr JOIN erased_contacts e ON e.tenant_id = cr.tenant_id AND e.contact_id = cr.contact_id
                  WHERE cr.tenant_id = NEW.tenant_id AND cr.call_id::text = NEW.body ->> 'callId')
       OR erased_number(NEW.tenant_id, project, NEW.body ->> 'callerNumber') OR erased_number(NEW.tenant_id, project, NEW.body ->> 'callbackNumber') THEN
        NEW.body := scrub_personal_event(NEW.body);
    END IF;
    RETURN NEW;
END
$$;
