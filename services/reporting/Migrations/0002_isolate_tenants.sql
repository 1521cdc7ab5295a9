SELECT enable_tenant_isolation('project_figures');
