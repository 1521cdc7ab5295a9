-- The telephony contract both ways (docs/telephony.md).
-- Agents' devices: the extension or SIP URI the PBX rings, and a phone number for a remote agent; set by an admin.
-- device_registered: the PBX's last word on the device (null: never said, offered as before; false: not offered).
ALTER TABLE agents
    ADD COLUMN device_extension   text        NULL,
    ADD COLUMN device_sip_uri     text        NULL,
    ADD COLUMN device_phone       text        NULL,
    ADD COLUMN device_registered  boolean     NULL,
    ADD COLUMN device_seen_at     timestamptz NULL;

-- When the PBX last said anything about the call (arrival, ring result, hang-up...): the stale-call sweep reads it.
ALTER TABLE calls ADD COLUMN pbx_seen_at timestamptz NULL;

-- What the platform asks the PBX to do, written in the transaction of the change that causes it (durable with it),
-- read by the PBX through the gateway in id order and acknowledged by id. A command not acknowledged is read again
-- (at least once; the PBX drops a command_id it has done). Commands of one call are in order: each is written under
-- the call's row lock, so a later one has a larger id and commits after.
CREATE TABLE pbx_commands (
    tenant_id    uuid        NOT NULL,
    id           bigint      GENERATED ALWAYS AS IDENTITY,
    command_id   uuid        NOT NULL,
    call_id      uuid        NULL,
    kind         text        NOT NULL,
    body         jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    acked_at     timestamptz NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX pbx_commands_command_id ON pbx_commands (tenant_id, command_id);
CREATE INDEX pbx_commands_pending ON pbx_commands (tenant_id, id) WHERE acked_at IS NULL;
SELECT enable_tenant_isolation('pbx_commands');

-- What the PBX reported of a dial-out for a callback: answered (a person), no_answer, busy, answering_machine, failed.
ALTER TABLE calls ADD COLUMN dial_result text NULL;
