-- A campaign over the plans of the day of its agents (source_kind 'daily_plan'): each agent is dialed the contacts of the
-- plan they drew (the CRM reads the plans), so it dials for one agent at a time: preview or progressive, never predictive.
ALTER TABLE campaigns DROP CONSTRAINT campaigns_source_kind_check;
ALTER TABLE campaigns ADD CONSTRAINT campaigns_source_kind_check CHECK (source_kind IN ('project_list', 'search', 'call_list', 'daily_plan'));
ALTER TABLE campaigns ADD CONSTRAINT campaigns_plan_is_personal CHECK (source_kind <> 'daily_plan' OR dial_mode IN ('preview', 'progressive'));
