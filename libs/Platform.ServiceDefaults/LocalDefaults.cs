using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Platform.ServiceDefaults;

/// <summary>
/// Connection defaults that match <c>scripts/infra.sh</c> on this machine, so <c>dotnet run</c> works with no setup.
/// They sit below every other configuration source: appsettings, environment variables
/// (<c>ConnectionStrings__postgres</c>, <c>ConnectionStrings__rabbitmq</c>) and the command line override them.
/// </summary>
internal static class LocalDefaults
{
    public static void AddLocalDefaults(this WebApplicationBuilder builder) =>
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["ConnectionStrings:postgres"] = "Host=127.0.0.1;Port=54329;Username=postgres;Password=postgres",
                ["ConnectionStrings:rabbitmq"] = "amqp://guest:guest@127.0.0.1:56729/",
            },
        });
}
