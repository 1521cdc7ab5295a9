namespace Platform.ServiceDefaults.Database;

public sealed class DatabaseOptions
{
    /// <summary>The service's own database; created when missing. Defaults to <c>platform_{service}</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Migrate at start-up (local runs). A Kubernetes deployment runs the <c>migrate</c> Job instead and sets this false.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
