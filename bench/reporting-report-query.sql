-- Times reporting's 30-day queries on a seeded ~500-agent tenant (50 queues x 30 days x 96 intervals), rolled back.
-- psql -h 127.0.0.1 -p $PG_PORT -U postgres -d platform_reporting -f bench/reporting-report-query.sql
BEGIN;
CREATE TEMP TABLE t AS SELECT gen_random_uuid() AS tenant, gen_random_uuid() AS project;
INSERT INTO queue_intervals (tenant_id, queue_id, interval_start, project_id, offered, answered, answered_within_threshold, abandoned, handled, talk_seconds, wrap_up_seconds, answer_wait_seconds)
SELECT t.tenant, q.id, TIMESTAMPTZ '2026-01-01' + i * interval '15 minutes', t.project, 40, 37, 30, 3, 37, 37*200, 37*30, 37*12
FROM t, (SELECT gen_random_uuid() AS id FROM generate_series(1, 50)) q, generate_series(0, 30*96 - 1) i;
ANALYZE queue_intervals;
\timing on
SELECT count(*) FROM (SELECT date_bin(interval '15 minutes', interval_start, TIMESTAMPTZ '2000-01-03 00:00:00+00') AS bucket, sum(offered)::bigint, sum(answered)::bigint, sum(answer_wait_seconds), max(longest_wait_seconds), sum(handled)::bigint, sum(talk_seconds)
  FROM queue_intervals WHERE tenant_id = (SELECT tenant FROM t) AND queue_id = (SELECT queue_id FROM queue_intervals WHERE tenant_id = (SELECT tenant FROM t) LIMIT 1)
  AND interval_start >= '2026-01-01' AND interval_start < '2026-01-31' GROUP BY 1) x;
SELECT count(*) FROM (SELECT date_bin(interval '1 day', interval_start, TIMESTAMPTZ '2000-01-03 00:00:00+00') AS bucket, sum(offered)::bigint, sum(handled)::bigint
  FROM queue_intervals WHERE tenant_id = (SELECT tenant FROM t) AND project_id = (SELECT project FROM t)
  AND interval_start >= '2026-01-01' AND interval_start < '2026-01-31' GROUP BY 1) x;
ROLLBACK;
