-- Revocation: every token carries the version of its user's sign-in rights (claim "ver"). Disabling the user, changing
-- their roles or projects, or setting their password adds one, and the gateway refuses every token of an older version
-- within Auth:RevocationCheckSeconds (docs/security.md).
ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0;
