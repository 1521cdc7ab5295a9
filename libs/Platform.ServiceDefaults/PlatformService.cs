using System.Reflection;

namespace Platform.ServiceDefaults;

/// <summary>What the defaults need to know of the service they wire up.</summary>
/// <param name="Name">Short name: <c>clients</c>, <c>queue</c>… Used for telemetry, the database name and endpoint prefixes.</param>
/// <param name="Assembly">The service's assembly: its embedded <c>Migrations/*.sql</c> and its consumers.</param>
public sealed record PlatformService(string Name, Assembly Assembly)
{
    public string DefaultDatabaseName => $"platform_{Name}";
}
