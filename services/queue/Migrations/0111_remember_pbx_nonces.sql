-- Replay protection for signed PBX requests (docs/telephony.md, "Signed requests"): a request signed with a nonce
-- (X-Pbx-Nonce, inside the HMAC) is taken once. The nonce is remembered until the request's replay window ends (its
-- timestamp plus the tolerance); after that the timestamp alone refuses it. Only requests whose signature checked are
-- remembered, so nobody without the secret can fill the table.
CREATE TABLE pbx_nonces (
    tenant_id   uuid        NOT NULL,
    nonce       text        NOT NULL,
    seen_at     timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, nonce)
);
CREATE INDEX pbx_nonces_expiry ON pbx_nonces (tenant_id, expires_at);
SELECT enable_tenant_isolation('pbx_nonces');

-- Whether a signed request without a nonce is refused (set with PUT telephony/signing { "nonceRequired": true }).
ALTER TABLE pbx_signing ADD COLUMN nonce_required boolean NOT NULL DEFAULT false;
