-- Row-level security, the second wall between tenants: a query that forgets its tenant filter still sees
-- only the tenant of its transaction (set with SET LOCAL app.tenant_id by TenantSession), and cannot write
-- another tenant's rows. Services connect as a role without BYPASSRLS; FORCE applies it to the owner too.

CREATE FUNCTION current_tenant_id() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

-- Every tenant table of every service calls this in its own migrations.
CREATE FUNCTION enable_tenant_isolation(tbl regclass) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', tbl);
END
$$;

-- The outbox relay and the clean-up read and update every tenant's rows: they say so with app.outbox_relay
-- in their own transaction. Writing a row still needs the row's own tenant.
ALTER TABLE outbox_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outbox_messages
    USING (tenant_id = current_tenant_id() OR current_setting('app.outbox_relay', true) = 'on')
    WITH CHECK (tenant_id = current_tenant_id() OR current_setting('app.outbox_relay', true) = 'on');

ALTER TABLE inbox_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE inbox_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON inbox_messages
    USING (tenant_id = current_tenant_id() OR current_setting('app.outbox_relay', true) = 'on')
    WITH CHECK (tenant_id = current_tenant_id());
