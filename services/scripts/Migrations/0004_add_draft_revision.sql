-- Two authors editing one draft: each edit bumps the revision, sent as the ETag; an edit with If-Match naming an older
-- revision is refused instead of silently overwriting the other's work.
ALTER TABLE scripts ADD COLUMN draft_revision int NOT NULL DEFAULT 1;
