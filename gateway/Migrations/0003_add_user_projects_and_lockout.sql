-- A client viewer reads the reports of the projects named here, and nothing else.
ALTER TABLE users ADD COLUMN project_ids uuid[] NOT NULL DEFAULT '{}';
-- Password guessing: consecutive failures lock the account for a growing while.
ALTER TABLE users ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until timestamptz;
