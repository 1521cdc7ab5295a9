-- Events are counted once by their business identity too (the call, the kind of event and its moment; an agent's state
-- change by its sequence), so an event re-emitted under a new message id changes nothing.
CREATE TABLE event_identities (
    tenant_id   uuid NOT NULL,
    identity    text NOT NULL,
    message_id  uuid NOT NULL,
    PRIMARY KEY (tenant_id, identity)
);

-- A message that fails on its own (its batch's other messages counted without it) is parked here, with the reason, for an
-- admin to look at; nothing of it is counted. Re-delivering it tries again.
CREATE TABLE parked_events (
    tenant_id     uuid        NOT NULL,
    message_id    uuid        NOT NULL,
    message_type  text        NOT NULL,
    body          jsonb       NOT NULL,
    error         text        NOT NULL,
    parked_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, message_id, message_type)
);

SELECT enable_tenant_isolation('event_identities');
SELECT enable_tenant_isolation('parked_events');
