-- What moved calls between queues and what became of callbacks, one row per event and queue it counts in (a transfer or an
-- overflow counts out of one queue and into another): transfers, overflows (and calls refused at a limit), offers declined,
-- callbacks requested, carried over to the next day, cancelled, and their dial-outs answered, retried or failed. Kept by the
-- event's own time; the same event twice is one row (its key). The transfer/overflow/callback report is read from these rows;
-- a rebuild refills them from the event log.
CREATE TABLE queue_flows (
    tenant_id       uuid        NOT NULL,
    queue_id        uuid        NOT NULL,
    call_id         uuid        NOT NULL,
    kind            text        NOT NULL,
    at              timestamptz NOT NULL,
    other_queue_id  uuid        NULL,
    agent_id        uuid        NULL,
    PRIMARY KEY (tenant_id, queue_id, call_id, kind, at)
);
CREATE INDEX queue_flows_queue ON queue_flows (tenant_id, queue_id, at);

SELECT enable_tenant_isolation('queue_flows');
