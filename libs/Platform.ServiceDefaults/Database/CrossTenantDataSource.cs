namespace Platform.ServiceDefaults.Database;

/// <summary>
/// The key of the second <see cref="Npgsql.NpgsqlDataSource"/>, for work across tenants only (the outbox relay, a service's
/// system tasks): it connects as <c>{database}_system</c>, a member of <c>platform_cross_tenant</c>, the only kind of role for
/// which <c>app.outbox_relay</c> and <c>app.system_task</c> open anything (migration 0006). Inject it with
/// <c>[FromKeyedServices(CrossTenantDataSource.Key)] NpgsqlDataSource</c>; requests use the plain one.
/// </summary>
public static class CrossTenantDataSource
{
    public const string Key = "cross-tenant";
}
