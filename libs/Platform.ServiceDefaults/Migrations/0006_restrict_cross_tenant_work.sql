-- The cross-tenant work (the outbox relay and clean-up with app.outbox_relay, each service's system tasks with
-- app.system_task) needs more than the setting: the session's role must be a member of platform_cross_tenant. The role
-- that serves requests ({database}_app) is not, so a request (or an injected statement) that sets app.outbox_relay itself
-- still sees only its own tenant. The relay and the system tasks connect as {database}_system, which is
-- (DatabaseMigrator, CrossTenantDataSource). Every policy that reads app.system_task ANDs may_cross_tenants().
DO $$
BEGIN
    CREATE ROLE platform_cross_tenant NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL; -- one cluster, many databases: the first service's migration made it
END
$$;

CREATE FUNCTION may_cross_tenants() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ SELECT pg_has_role(current_user, 'platform_cross_tenant', 'MEMBER') $$;

ALTER POLICY tenant_isolation ON outbox_messages
    USING (tenant_id = current_tenant_id() OR (current_setting('app.outbox_relay', true) = 'on' AND may_cross_tenants()))
    WITH CHECK (tenant_id = current_tenant_id() OR (current_setting('app.outbox_relay', true) = 'on' AND may_cross_tenants()));
ALTER POLICY tenant_isolation ON inbox_messages
    USING (tenant_id = current_tenant_id() OR (current_setting('app.outbox_relay', true) = 'on' AND may_cross_tenants()));
