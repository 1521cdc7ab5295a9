-- The plan an agent drew for a day (the latest draw counts), so reporting can compare plan and result.
CREATE TABLE daily_plans (
    tenant_id    uuid        NOT NULL,
    agent_id     uuid        NOT NULL,
    plan_date    date        NOT NULL,
    contact_ids  uuid[]      NOT NULL,
    drawn_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, agent_id, plan_date)
);
SELECT enable_tenant_isolation('daily_plans');
