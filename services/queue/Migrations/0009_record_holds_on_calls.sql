-- Hold measured by the platform (POST calls/{id}/hold and …/resume): held_since is the start of the hold in progress
-- (null when the caller is not on hold), holds counts the holds of the current talk, hold_seconds (0003) adds up the
-- finished ones. A hang-up or transfer during a hold closes it.
ALTER TABLE calls
    ADD COLUMN held_since  timestamptz NULL,
    ADD COLUMN holds       integer     NOT NULL DEFAULT 0;
