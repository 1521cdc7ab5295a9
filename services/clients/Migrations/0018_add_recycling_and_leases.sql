-- Lead recycling: each project's rules (retry delays by outcome category, attempts in total and per day; '{}' is the
-- default set, see Recycling/RecyclingRules.cs), and a contact closed at the limit keeps the reason.
ALTER TABLE projects ADD COLUMN recycling jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE contacts ADD COLUMN closed_reason text;

-- A shared lead is held by one agent at a time: drawing a plan leases its contacts to that agent until an outcome or
-- the lease's end, and another agent's plan leaves them out meanwhile.
CREATE TABLE contact_leases (
    tenant_id     uuid        NOT NULL,
    contact_id    uuid        NOT NULL,
    agent_id      uuid        NOT NULL,
    leased_at     timestamptz NOT NULL,
    leased_until  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, contact_id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
);
SELECT enable_tenant_isolation('contact_leases');
