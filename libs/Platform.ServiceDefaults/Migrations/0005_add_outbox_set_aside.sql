-- A row the relay cannot publish however often it tries (an unknown message type, a body that no longer reads, a message
-- the broker refuses while it takes the others) is set aside after Outbox:MaxAttempts tries of its own instead of
-- failing every batch of its relay. It stays in the table, visible (platform.outbox.set_aside, last_error), until someone
-- replays it: UPDATE outbox_messages SET set_aside_at = NULL, attempts = 0 WHERE sequence = ... (docs/reliability.md).
ALTER TABLE outbox_messages ADD COLUMN set_aside_at timestamptz;
DROP INDEX outbox_messages_pending;
CREATE INDEX outbox_messages_pending ON outbox_messages (bulk, sequence) WHERE sent_at IS NULL AND set_aside_at IS NULL;
CREATE INDEX outbox_messages_set_aside ON outbox_messages (set_aside_at) WHERE sent_at IS NULL AND set_aside_at IS NOT NULL;
