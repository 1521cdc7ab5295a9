-- Every replay of a parked event by an admin: who, when, which message, and how it ended (counted, already counted, or
-- failed again with its reason). A counted or already counted message leaves parked_events.
CREATE TABLE parked_event_replays (
    tenant_id     uuid        NOT NULL,
    replay_id     uuid        NOT NULL,
    message_id    uuid        NOT NULL,
    message_type  text        NOT NULL,
    replayed_by   uuid        NOT NULL,
    replayed_at   timestamptz NOT NULL DEFAULT now(),
    outcome       text        NOT NULL,
    error         text        NULL,
    PRIMARY KEY (tenant_id, replay_id)
);
CREATE INDEX parked_event_replays_recent ON parked_event_replays (tenant_id, replayed_at DESC);

SELECT enable_tenant_isolation('parked_event_replays');
