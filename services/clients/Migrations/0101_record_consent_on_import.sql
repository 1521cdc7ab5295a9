-- The consent a call list came with (Imports/ImportConsent.cs): {purposes, source, expiresAt}, recorded in the consent
-- ledger for each contact the import creates. Null: the list came without one, and its contacts have none.
ALTER TABLE imports ADD COLUMN consent jsonb;
