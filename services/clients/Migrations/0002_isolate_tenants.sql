SELECT enable_tenant_isolation('projects');
