using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;

namespace Platform.Gateway.Tenants;

/// <summary>
/// <c>seed-demo</c>: the call center <c>demo</c> (admin, supervisor, agent1…agent5) and a second one, <c>other</c>
/// (admin), to see that tenants never see each other. Every password is <c>DEMO_PASSWORD</c> (default <c>demo</c>).
/// Refused in Production, where tenants are created one by one with <c>create-tenant</c> (<see cref="TenantCommand"/>).
/// </summary>
public static class DemoTenants
{
    public static async Task<int> SeedAsync(IServiceProvider services, string password)
    {
        var ct = CancellationToken.None;
        if (services.GetRequiredService<IHostEnvironment>().IsProduction())
        {
            await Console.Error.WriteLineAsync("seed-demo creates demo tenants with a known password and is refused in Production; use create-tenant.");
            return 2;
        }
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        var provisioning = services.GetRequiredService<TenantProvisioning>();

        var demo = await provisioning.EnsureTenantAsync("demo", "Demo Call Center", ct);
        await provisioning.EnsureUserAsync(demo, "admin", "Demo Admin", password, [Roles.Admin], ct);
        await provisioning.EnsureUserAsync(demo, "supervisor", "Demo Supervisor", password, [Roles.Supervisor], ct);
        for (var i = 1; i <= 5; i++)
        {
            await provisioning.EnsureUserAsync(demo, $"agent{i}", $"Agent {i}", password, [Roles.Agent], ct);
        }

        var other = await provisioning.EnsureTenantAsync("other", "Another Call Center", ct);
        await provisioning.EnsureUserAsync(other, "admin", "Other Admin", password, [Roles.Admin], ct);
        return 0;
    }
}
