-- Users are tenant rows. The tenants table is the directory sign-in reads before it knows the tenant,
-- so it has no tenant policy; it holds no more than ids, slugs and names.
SELECT enable_tenant_isolation('users');
