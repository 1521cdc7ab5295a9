SELECT enable_tenant_isolation('deliveries');
