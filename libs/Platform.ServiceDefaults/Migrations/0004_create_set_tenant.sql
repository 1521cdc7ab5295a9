-- A unit of work names its tenant in the same round trip as its first statement (TenantSession): CALL returns no
-- rows, so the statement behind it is still the first result its reader sees, and the tenant is a parameter, so
-- the call is one prepared statement for every tenant. Local to the transaction, as SET LOCAL.
CREATE PROCEDURE set_tenant(tenant uuid)
    LANGUAGE sql
    AS $$ SELECT set_config('app.tenant_id', tenant::text, true) $$;
