-- The stale-call sweep (Telephony/StaleCallSweep.cs) finds, across tenants, the calls ringing or on a call that the PBX
-- has not reported on for too long; the routing sweep's policy only shows waiting calls. It then acts in each tenant's session.
CREATE POLICY stale_call_sweep ON calls FOR SELECT
    USING (current_setting('app.system_task', true) = 'routing' AND status IN ('offered', 'on_call'));
