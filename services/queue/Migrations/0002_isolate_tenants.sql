SELECT enable_tenant_isolation('projects');
SELECT enable_tenant_isolation('queues');
