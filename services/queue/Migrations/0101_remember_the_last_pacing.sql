-- The pacer's previous decision (its hysteresis after a fall-back to progressive at the abandon cap) lives on the
-- campaign's row, never in a replica's memory: whichever replica paces the campaign next reads it under the row lock.
ALTER TABLE campaigns ADD COLUMN last_paced_as text NULL;
