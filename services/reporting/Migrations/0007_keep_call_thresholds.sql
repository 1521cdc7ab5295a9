-- The service-level threshold T a call was queued under: answers and abandons that do not carry their own T (events from
-- before the queue carried it) are judged by it rather than by the queue's latest, so a rebuild gives the same figures.
ALTER TABLE live_calls ADD COLUMN service_level_seconds integer NULL;
