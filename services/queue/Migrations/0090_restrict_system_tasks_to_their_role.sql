-- The routing sweep's cross-tenant policies open only to a member of platform_cross_tenant (ServiceDefaults migration
-- 0006): the role that serves requests cannot set app.system_task and read every tenant's calls, offers, agents, queues.
ALTER POLICY routing_sweep ON call_offers
    USING (current_setting('app.system_task', true) = 'routing' AND may_cross_tenants());
ALTER POLICY routing_sweep ON calls
    USING (current_setting('app.system_task', true) = 'routing' AND may_cross_tenants() AND status = 'waiting');
ALTER POLICY routing_sweep ON agents
    USING (current_setting('app.system_task', true) = 'routing' AND may_cross_tenants() AND state = 'wrap_up');
ALTER POLICY routing_sweep ON queues
    USING (current_setting('app.system_task', true) = 'routing' AND may_cross_tenants());
