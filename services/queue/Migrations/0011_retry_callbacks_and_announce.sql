-- Per queue: a callback's dial-out that finds no answer or a busy line is tried again after callback_retry_minutes, up
-- to callback_max_attempts dial-outs in all; a waiting caller hears an announcement (position, estimated wait) every
-- announce_every_seconds (null: none) over the music-on-hold class music_on_hold.
ALTER TABLE queues
    ADD COLUMN callback_max_attempts   integer NOT NULL DEFAULT 3,
    ADD COLUMN callback_retry_minutes  integer NOT NULL DEFAULT 15,
    ADD COLUMN announce_every_seconds  integer NULL,
    ADD COLUMN announce_position       boolean NOT NULL DEFAULT true,
    ADD COLUMN announce_wait           boolean NOT NULL DEFAULT true,
    ADD COLUMN music_on_hold           text    NOT NULL DEFAULT 'default';

-- dial_attempts: the dial-outs made for the call (a callback); announced_at: the last announcement played to the caller.
ALTER TABLE calls
    ADD COLUMN dial_attempts  integer     NOT NULL DEFAULT 0,
    ADD COLUMN announced_at   timestamptz NULL;

-- Every dial-out of a call and how it went, one row per attempt.
CREATE TABLE call_dial_attempts (
    tenant_id   uuid        NOT NULL,
    call_id     uuid        NOT NULL,
    attempt     integer     NOT NULL,
    agent_id    uuid        NULL,
    result      text        NOT NULL,
    retry_at    timestamptz NULL,
    at          timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, call_id, attempt),
    FOREIGN KEY (tenant_id, call_id) REFERENCES calls (tenant_id, id)
);
SELECT enable_tenant_isolation('call_dial_attempts');

