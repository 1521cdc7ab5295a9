-- Push delivery of the PBX command stream (docs/telephony.md, "Push: signed webhooks"). One row per tenant: the URL the
-- platform POSTs each batch of pbx_commands to, signed like the pull stream's answers, and the state of delivery.
-- A 2xx answer acknowledges the batch (pbx_commands.acked_at), so a command stays in the stream until the PBX took it:
-- nothing is lost across a restart of the queue service. A replica delivers a tenant's batches only while it holds the
-- row's lease (lease_owner, lease_until), claimed with FOR UPDATE SKIP LOCKED: two replicas never deliver the same batch
-- at once, and a replica that died gives the tenant up when its lease runs out. failures and next_attempt_at carry the
-- backoff between rounds of retries across restarts.
CREATE TABLE pbx_webhooks (
    tenant_id          uuid        NOT NULL PRIMARY KEY,
    url                text        NOT NULL,
    registered_at      timestamptz NOT NULL,
    registered_by      uuid        NOT NULL,
    failures           integer     NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL,
    last_error         text        NULL,
    last_failed_at     timestamptz NULL,
    last_delivered_at  timestamptz NULL,
    delivered          bigint      NOT NULL DEFAULT 0,
    lease_owner        uuid        NULL,
    lease_until        timestamptz NULL
);
CREATE INDEX pbx_webhooks_due ON pbx_webhooks (next_attempt_at);
SELECT enable_tenant_isolation('pbx_webhooks');

-- The relay (Telephony/Webhooks/WebhookRelay.cs) claims, across tenants, the webhooks that are due and have commands
-- waiting; it then reads and acknowledges the commands in each tenant's own session. Open only to platform_cross_tenant.
CREATE POLICY webhook_relay ON pbx_webhooks
    USING (current_setting('app.system_task', true) = 'webhooks' AND may_cross_tenants())
    WITH CHECK (current_setting('app.system_task', true) = 'webhooks' AND may_cross_tenants());
CREATE POLICY webhook_relay ON pbx_commands FOR SELECT
    USING (current_setting('app.system_task', true) = 'webhooks' AND may_cross_tenants() AND acked_at IS NULL);
