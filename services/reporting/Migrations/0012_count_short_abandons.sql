-- Short abandons: calls abandoned before the queue's short-abandon threshold (QueueConfigured.ShortAbandonSeconds, 5 s by
-- default), counted apart per 15-minute row so the abandonment rate and the service level over offered calls can leave them out.
-- Rows counted before this migration have 0 until a rebuild recounts them.
ALTER TABLE queue_intervals ADD COLUMN short_abandoned bigint NOT NULL DEFAULT 0;
