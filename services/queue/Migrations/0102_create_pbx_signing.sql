-- Signed requests between the platform and a tenant's PBX (docs/telephony.md, "Signed requests"). One row per tenant:
-- the secret the PBX signs with (HMAC-SHA256), the one it replaced (valid until previous_valid_until, so a PBX can
-- switch without a refused request), and whether an unsigned request from a PBX account is refused (required).
-- The secrets are kept as written (the platform must compute the HMAC), readable only under the tenant's RLS.
CREATE TABLE pbx_signing (
    tenant_id             uuid        NOT NULL PRIMARY KEY,
    secret                text        NOT NULL,
    previous_secret       text        NULL,
    previous_valid_until  timestamptz NULL,
    required              boolean     NOT NULL DEFAULT false,
    rotated_at            timestamptz NOT NULL,
    rotated_by            uuid        NOT NULL
);
SELECT enable_tenant_isolation('pbx_signing');
