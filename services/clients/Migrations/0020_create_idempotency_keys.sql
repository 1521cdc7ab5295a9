-- Idempotency-Key on outcomes, orders and complaints (Idempotency/IdempotentRequest.cs): the first answer to a key, kept
-- with a fingerprint of its request, so a retry gets it again and changes nothing. contact_id lets erasure remove the
-- answers (they hold the person's card).
CREATE TABLE idempotency_keys (
    tenant_id    uuid        NOT NULL,
    operation    text        NOT NULL,
    key          text        NOT NULL,
    fingerprint  text        NOT NULL,
    contact_id   uuid        NOT NULL,
    status_code  integer     NULL,
    location     text        NULL,
    body         jsonb       NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, operation, key)
);
CREATE INDEX idempotency_keys_contact ON idempotency_keys (tenant_id, contact_id);
SELECT enable_tenant_isolation('idempotency_keys');
