-- A queue's short-abandon threshold: a caller who hangs up within this many seconds of waiting is a short abandon (a wrong
-- number, a change of mind), which reporting counts apart and leaves out of one abandonment rate and of the service level
-- over offered calls. Carried on QueueConfigured and on each CallAbandoned, so a rebuild judges an abandon by the threshold
-- in force when it happened.
ALTER TABLE queues ADD COLUMN short_abandon_seconds integer NOT NULL DEFAULT 5 CHECK (short_abandon_seconds BETWEEN 0 AND 600);
