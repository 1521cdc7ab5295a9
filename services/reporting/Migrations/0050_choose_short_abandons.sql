-- A queue's choice whether its short abandons count in its abandonment rate (QueueConfigured.ShortAbandonsExcluded, null:
-- counted), and per interval the short abandons left out of it by the choice in force when each happened (carried on
-- CallAbandoned, so a rebuild and a later change of the choice give the same history).
ALTER TABLE queues ADD COLUMN short_abandons_excluded boolean NULL;
ALTER TABLE queue_intervals ADD COLUMN excluded_abandons bigint NOT NULL DEFAULT 0;
