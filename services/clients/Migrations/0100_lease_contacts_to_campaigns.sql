-- A contact dialed by an outbound campaign is held by the campaign until its outcome (docs/dialer.md). The lease row is
-- the same one a plan takes, so a plan never holds a contact a campaign dials and two campaigns never dial one person:
-- agent_id holds the campaign's id (no agent has it) and campaign_id says it is a campaign's.
ALTER TABLE contact_leases ADD COLUMN campaign_id uuid NULL;
CREATE INDEX contact_leases_campaign ON contact_leases (tenant_id, campaign_id) WHERE campaign_id IS NOT NULL;
