-- A do-not-call request outlives the erasure of the person who made it: the tenant keeps a keyed hash (HMAC-SHA256
-- over tenant and E.164 number, key from configuration) of the number, never the number, so a later list or a
-- contact added by hand with that number lands as do-not-call.
CREATE TABLE do_not_call_numbers (
    tenant_id   uuid        NOT NULL,
    phone_hash  text        NOT NULL,
    added_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, phone_hash)
);
SELECT enable_tenant_isolation('do_not_call_numbers');

-- An import reports how many rows it added as do-not-call because of that list.
ALTER TABLE imports ADD COLUMN do_not_call integer NOT NULL DEFAULT 0;
