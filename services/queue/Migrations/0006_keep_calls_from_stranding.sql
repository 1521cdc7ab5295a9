-- Calls that used to get stranded (issue 13).
--   * wait_started_at: the max-wait clock. A transfer restarts it; the place in line (enqueued_at) stays by priority and arrival.
--   * target_until: a transfer to one named agent waits for them until then, and falls back to the queue after.
--   * overflow_hops: how many times the call overflowed, at the door or past a max wait (the same limit for both).
--   * callback_due_at: a callback scheduled for a time is not offered before it.
--   * status 'cancelled': a callback called off before anyone called back.
ALTER TABLE calls
    ADD COLUMN wait_started_at  timestamptz NULL,
    ADD COLUMN target_until     timestamptz NULL,
    ADD COLUMN overflow_hops    integer     NOT NULL DEFAULT 0,
    ADD COLUMN callback_due_at  timestamptz NULL,
    ADD COLUMN declined         boolean     NOT NULL DEFAULT false;  -- some agent declined it: see call_declines
ALTER TABLE calls DROP CONSTRAINT calls_status_check;
ALTER TABLE calls ADD CONSTRAINT calls_status_check
    CHECK (status IN ('waiting', 'offered', 'on_call', 'wrap_up', 'completed', 'abandoned', 'rejected', 'cancelled'));

-- Whether an unanswered offer puts the agent on a ring-no-answer break (the default) or back to available.
ALTER TABLE queues ADD COLUMN pause_on_ring_no_answer boolean NOT NULL DEFAULT true;

-- An agent who declined an offer, and why: the call is not offered to them again.
CREATE TABLE call_declines (
    tenant_id   uuid        NOT NULL,
    call_id     uuid        NOT NULL,
    agent_id    uuid        NOT NULL,
    reason      text        NOT NULL,
    at          timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, call_id, agent_id),
    FOREIGN KEY (tenant_id, call_id) REFERENCES calls (tenant_id, id)
);
SELECT enable_tenant_isolation('call_declines');
