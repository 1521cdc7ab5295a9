-- Several agents may edit the same card: every change of a contact's row bumps its version, whoever makes it (an edit,
-- an outcome, the cooldown sweep, an erasure), and an edit may say which version it was made on (If-Match).
ALTER TABLE contacts ADD COLUMN version integer NOT NULL DEFAULT 1;

CREATE FUNCTION bump_contact_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    RETURN NEW;
END
$$;
CREATE TRIGGER contacts_version BEFORE UPDATE ON contacts FOR EACH ROW EXECUTE FUNCTION bump_contact_version();
