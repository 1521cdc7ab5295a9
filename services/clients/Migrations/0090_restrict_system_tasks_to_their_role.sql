-- The system tasks' cross-tenant policies open only to a member of platform_cross_tenant (ServiceDefaults migration 0006):
-- the role that serves requests cannot set app.system_task and read every tenant's contacts or imports.
ALTER POLICY cooldown_sweep ON contacts
    USING (current_setting('app.system_task', true) = 'cooldown' AND may_cross_tenants() AND status = 'churned' AND cooldown_until <= now());
ALTER POLICY import_claim ON imports
    USING (current_setting('app.system_task', true) = 'imports' AND may_cross_tenants() AND status IN ('queued', 'running'));
ALTER POLICY import_claim_update ON imports
    USING (current_setting('app.system_task', true) = 'imports' AND may_cross_tenants() AND status IN ('queued', 'running'))
    WITH CHECK (current_setting('app.system_task', true) = 'imports' AND may_cross_tenants());
