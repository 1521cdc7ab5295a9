-- Admission counts a queue's open calls (waiting or offered) on every arrival: without this index it read every call
-- the tenant ever had (found under the simulator at 30 calls/s).
CREATE INDEX calls_open ON calls (tenant_id, queue_id) WHERE status IN ('waiting', 'offered');
