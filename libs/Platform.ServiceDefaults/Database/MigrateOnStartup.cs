using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Database;

internal sealed class MigrateOnStartup(DatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
