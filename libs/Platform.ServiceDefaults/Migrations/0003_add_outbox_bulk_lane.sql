-- Events written by the thousand (a call-list import's ContactCreated) wait in a lane of their own: the relay serves
-- the interactive lane first, so one tenant's 100,000-row import never holds up anyone's project, call or outcome
-- events behind it.
ALTER TABLE outbox_messages ADD COLUMN bulk boolean NOT NULL DEFAULT false;
DROP INDEX outbox_messages_pending;
CREATE INDEX outbox_messages_pending ON outbox_messages (bulk, sequence) WHERE sent_at IS NULL;
