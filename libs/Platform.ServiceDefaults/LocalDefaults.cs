using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults;

/// <summary>
/// Connection defaults that match <c>scripts/infra.sh</c> on this machine, so <c>dotnet run</c> works with no setup.
/// They sit below every other configuration source: appsettings, environment variables
/// (<c>ConnectionStrings__postgres</c>, <c>ConnectionStrings__rabbitmq</c>) and the command line override them.
/// Never in Production, where a missing setting must stop the service rather than reach for a development password.
/// </summary>
internal static class LocalDefaults
{
    public static void AddLocalDefaults(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsProduction())
        {
            return;
        }
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["ConnectionStrings:postgres"] = "Host=127.0.0.1;Port=54329;Username=postgres;Password=postgres",
                ["ConnectionStrings:rabbitmq"] = "amqp://guest:guest@127.0.0.1:56729/",
            },
        });
    }
}
