-- A contact search by its latest disposition, by a next contact date range and by a custom field.
-- The latest outcome's disposition is kept on the card by a trigger on call_outcomes, so every writer (an agent's
-- outcome, a campaign's dial result) keeps it true and a search by it is one indexed column, not a scan of outcomes.
ALTER TABLE contacts ADD COLUMN last_disposition text;
ALTER TABLE contacts ADD COLUMN last_outcome_at timestamptz;

UPDATE contacts c SET last_disposition = o.disposition_code, last_outcome_at = o.recorded_at
FROM (SELECT DISTINCT ON (tenant_id, contact_id) tenant_id, contact_id, disposition_code, recorded_at
      FROM call_outcomes ORDER BY tenant_id, contact_id, recorded_at DESC, id DESC) o
WHERE c.tenant_id = o.tenant_id AND c.id = o.contact_id;

CREATE FUNCTION keep_last_disposition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE contacts SET last_disposition = NEW.disposition_code, last_outcome_at = NEW.recorded_at
    WHERE tenant_id = NEW.tenant_id AND id = NEW.contact_id
      AND (last_outcome_at IS NULL OR last_outcome_at <= NEW.recorded_at);
    RETURN NULL;
END
$$;
CREATE TRIGGER call_outcomes_last_disposition AFTER INSERT ON call_outcomes FOR EACH ROW EXECUTE FUNCTION keep_last_disposition();

CREATE INDEX contacts_by_last_disposition ON contacts (tenant_id, project_id, last_disposition) WHERE erased_at IS NULL;
-- Custom fields are searched by containment (custom_fields @> '{"tier": "gold"}').
CREATE INDEX contacts_by_custom_fields ON contacts USING gin (custom_fields jsonb_path_ops);
-- The next contact date range of every status (contacts_due leaves do-not-call out).
CREATE INDEX contacts_by_next_contact ON contacts (tenant_id, project_id, next_contact_at) WHERE erased_at IS NULL;
