namespace Platform.ServiceDefaults.Database;

public sealed class DatabaseOptions
{
    /// <summary>The service's own database; created when missing. Defaults to <c>platform_{service}</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Migrate at start-up (local runs). A Kubernetes deployment runs the <c>migrate</c> Job instead and sets this false.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// The role the service runs as: no superuser, no BYPASSRLS, only data rights on its own database, so
    /// row-level security holds. Created and granted by the migrator (which runs as <c>ConnectionStrings:postgres</c>).
    /// Defaults to <c>{database}_app</c>.
    /// </summary>
    public string? AppUser { get; set; }

    /// <summary>DEVELOPMENT ONLY default; refused at start-up in Production. Set <c>Database__AppPassword</c> from a secret.</summary>
    public string AppPassword { get; set; } = DevelopmentAppPassword;

    /// <summary>
    /// The role of the work across tenants (outbox relay, system tasks; <see cref="CrossTenantDataSource"/>). Defaults to
    /// <c>{database}_system</c>.
    /// </summary>
    public string? SystemUser { get; set; }

    /// <summary>DEVELOPMENT ONLY default (then derived per service); refused in Production. Set <c>Database__SystemPassword</c> from a secret.</summary>
    public string SystemPassword { get; set; } = DevelopmentSystemPassword;

    /// <summary>How many statements each connection keeps prepared (Npgsql's automatic preparation, least recently used out).</summary>
    public int MaxAutoPrepare { get; set; } = 100;

    /// <summary>
    /// PostgreSQL's <c>plan_cache_mode</c> for the service's connections (<c>auto</c>, <c>force_generic_plan</c>,
    /// <c>force_custom_plan</c>); unset, the server's. A service whose statements all serve well from one plan sets
    /// <c>force_generic_plan</c>: under <c>auto</c> PostgreSQL went on planning some prepared statements at every execution.
    /// </summary>
    public string? PlanCacheMode { get; set; }

    public const string DevelopmentAppPassword = "dev-only-app-password";
    public const string DevelopmentSystemPassword = "dev-only-system-password";
}
