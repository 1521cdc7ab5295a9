-- A contact erased in the CRM (ContactErased) leaves reporting too: its calls' caller and callback numbers, the calls from
-- the same numbers in its project, and the personal parts of the raw events (event_log, parked_events) of those calls
-- and of the contact (numbers; script answers' free text). Ids stay: the CRM keeps the erased card's id, so they point
-- at nobody; every figure stays as it was. See Erasure/ContactErasedConsumer.cs.
CREATE TABLE erased_contacts (
    tenant_id   uuid        NOT NULL,
    contact_id  uuid        NOT NULL,
    project_id  uuid        NOT NULL,
    erased_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, contact_id)
);
SELECT enable_tenant_isolation('erased_contacts');

-- The personal parts of an event body, blanked: what a rebuild reads back is a call without a number.
CREATE FUNCTION scrub_personal_event(b jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF b ? 'callerNumber' THEN b := jsonb_set(b, '{callerNumber}', 'null'); END IF;
    IF b ? 'callbackNumber' THEN b := jsonb_set(b, '{callbackNumber}', 'null'); END IF;
    IF b ? 'answers' THEN b := jsonb_set(b, '{answers}', '[]'); END IF;
    RETURN b;
END
$$;

-- An event of an erased contact that arrives after the erasure (events travel out of order) lands already blanked.
CREATE FUNCTION scrub_late_call_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.contact_id IS NOT NULL AND EXISTS (SELECT 1 FROM erased_contacts e WHERE e.tenant_id = NEW.tenant_id AND e.contact_id = NEW.contact_id) THEN
        NEW.caller_number := NULL;
        NEW.callback_number := NULL;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER call_records_erased BEFORE INSERT OR UPDATE ON call_records FOR EACH ROW EXECUTE FUNCTION scrub_late_call_record();

CREATE FUNCTION scrub_late_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM erased_contacts e WHERE e.tenant_id = NEW.tenant_id AND e.contact_id::text = NEW.body ->> 'contactId')
       OR EXISTS (SELECT 1 FROM call_records cr JOIN erased_contacts e ON e.tenant_id = cr.tenant_id AND e.contact_id = cr.contact_id
                  WHERE cr.tenant_id = NEW.tenant_id AND cr.call_id::text = NEW.body ->> 'callId') THEN
        NEW.body := scrub_personal_event(NEW.body);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER event_log_erased BEFORE INSERT ON event_log FOR EACH ROW EXECUTE FUNCTION scrub_late_event();
CREATE TRIGGER parked_events_erased BEFORE INSERT OR UPDATE ON parked_events FOR EACH ROW EXECUTE FUNCTION scrub_late_event();
