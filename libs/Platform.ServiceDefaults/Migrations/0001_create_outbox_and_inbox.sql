-- The platform's transactional outbox and inbox, in every service's own database.

-- Events written in the same transaction as the state change that causes them; the relay publishes
-- them and stamps sent_at once the broker has confirmed.
CREATE TABLE outbox_messages (
    sequence      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id    uuid        NOT NULL UNIQUE,
    tenant_id     uuid        NOT NULL,
    message_type  text        NOT NULL,
    body          jsonb       NOT NULL,
    trace_parent  text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    attempts      integer     NOT NULL DEFAULT 0,
    last_error    text,
    sent_at       timestamptz
);
CREATE INDEX outbox_messages_pending ON outbox_messages (sequence) WHERE sent_at IS NULL;
CREATE INDEX outbox_messages_sent ON outbox_messages (sent_at) WHERE sent_at IS NOT NULL;

-- Messages a consumer has already applied: the second delivery of the same message id changes nothing.
CREATE TABLE inbox_messages (
    consumer      text        NOT NULL,
    message_id    uuid        NOT NULL,
    tenant_id     uuid        NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
CREATE INDEX inbox_messages_processed ON inbox_messages (processed_at);
