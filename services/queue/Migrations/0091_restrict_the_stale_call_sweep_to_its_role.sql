-- The stale-call sweep's cross-tenant policy (0008) opens, like the routing sweep's (0090), only to a member of
-- platform_cross_tenant (ServiceDefaults migration 0006): the role that serves requests cannot set app.system_task and
-- read every tenant's ringing and talking calls.
ALTER POLICY stale_call_sweep ON calls
    USING (current_setting('app.system_task', true) = 'routing' AND may_cross_tenants() AND status IN ('offered', 'on_call'));
