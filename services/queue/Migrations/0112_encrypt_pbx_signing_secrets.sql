-- PBX signing secrets are encrypted at rest (AES-256-GCM, the key from configuration: docs/telephony.md, "Secrets at
-- rest"). SQL cannot encrypt without the key, so the rows written before this (plain text) are sealed by the queue
-- service at start-up (Telephony/Signing/PbxSecretRewrap.cs), which also reseals rows under a retired key. It works
-- across tenants with app.system_task = 'pbx_secrets', open only to platform_cross_tenant.
CREATE POLICY pbx_secret_rewrap ON pbx_signing
    USING (current_setting('app.system_task', true) = 'pbx_secrets' AND may_cross_tenants())
    WITH CHECK (current_setting('app.system_task', true) = 'pbx_secrets' AND may_cross_tenants());
