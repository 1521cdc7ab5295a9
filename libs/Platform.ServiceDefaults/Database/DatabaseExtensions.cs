using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Platform.ServiceDefaults.Database;

internal static class DatabaseExtensions
{
    /// <summary>
    /// One <see cref="NpgsqlDataSource"/> on the service's own database. The server comes from
    /// <c>ConnectionStrings:postgres</c>; the database name from <c>Database:Name</c> (default <c>platform_{service}</c>).
    /// </summary>
    public static void AddPlatformDatabase(this WebApplicationBuilder builder, PlatformService service)
    {
        var options = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (builder.Environment.IsProduction() && options.AppPassword == DatabaseOptions.DevelopmentAppPassword)
        {
            throw new InvalidOperationException("Database:AppPassword is the development default; set Database__AppPassword in Production.");
        }
        if (builder.Environment.IsProduction() && options.SystemPassword == DatabaseOptions.DevelopmentSystemPassword)
        {
            throw new InvalidOperationException("Database:SystemPassword is the development default; set Database__SystemPassword in Production.");
        }
        var server = builder.Configuration.GetConnectionString("postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:postgres is not set (scripts/infra.sh env prints a local one).");
        var owner = new NpgsqlConnectionStringBuilder(server)
        {
            Database = options.Name ?? service.DefaultDatabaseName,
            ApplicationName = $"platform-{service.Name}",
        };
        var app = new NpgsqlConnectionStringBuilder(owner.ConnectionString)
        {
            Username = options.AppUser ?? $"{owner.Database}_app",
            // Each service's role its own password; in development one derived from the service's name.
            Password = options.AppPassword == DatabaseOptions.DevelopmentAppPassword ? $"{options.AppPassword}-{service.Name}" : options.AppPassword,
        };
        // The services send the same few dozen statements all day: prepared once per connection, PostgreSQL neither parses
        // nor plans them again (planning took more time than execution in the queue database under load).
        // Database__MaxAutoPrepare=0 turns it off. No session state outlives a unit of work (the tenant is set for the transaction only, locks
        // are transaction-scoped, a LISTEN connection is given back only when broken or at shutdown), so a pooled connection needs no
        // reset on its way back to the pool: that was one DISCARD ALL round trip per unit of work.
        app.MaxAutoPrepare = options.MaxAutoPrepare;
        app.AutoPrepareMinUsages = 2;
        app.NoResetOnClose = true;
        if (options.PlanCacheMode is { } mode)
        {
            if (mode is not ("auto" or "force_generic_plan" or "force_custom_plan"))
            {
                throw new InvalidOperationException($"Database:PlanCacheMode '{mode}' is none of auto, force_generic_plan, force_custom_plan.");
            }
            app.Options = $"{app.Options} -c plan_cache_mode={mode}".Trim();
        }

        // The cross-tenant role: the same connection settings as the service's own, another login (CrossTenantDataSource).
        var system = new NpgsqlConnectionStringBuilder(app.ConnectionString)
        {
            Username = options.SystemUser ?? $"{owner.Database}_system",
            Password = options.SystemPassword == DatabaseOptions.DevelopmentSystemPassword ? $"{options.SystemPassword}-{service.Name}" : options.SystemPassword,
            ApplicationName = $"platform-{service.Name}-system",
            MaxPoolSize = 20,
        };
        if (system.Username == app.Username)
        {
            throw new InvalidOperationException("Database:SystemUser must differ from Database:AppUser: the request-serving role may not work across tenants.");
        }

        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true; // time_zone -> TimeZone
        Dapper.SqlMapper.AddTypeHandler(new JsonElementHandler());
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(app.ConnectionString).Build());
        builder.Services.AddKeyedSingleton(CrossTenantDataSource.Key, (_, _) => new NpgsqlDataSourceBuilder(system.ConnectionString).Build());
        builder.Services.AddSingleton(sp => new DatabaseMigrator(
            owner.ConnectionString, new AppRole(app.Username!, app.Password!), service.Assembly,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DatabaseMigrator>>(),
            new AppRole(system.Username!, system.Password!, CrossTenant: true)));
        if (options.MigrateOnStartup)
        {
            // Registered before the bus and the outbox relay, so they start on a migrated database.
            builder.Services.AddHostedService<MigrateOnStartup>();
        }
    }
}
