using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Platform.Gateway.Security;

/// <summary>
/// Behind a load balancer or ingress, the client's address is the one its <c>X-Forwarded-For</c> names, believed only when
/// the request comes from a proxy listed in <c>ForwardedHeaders:KnownProxies</c> (addresses) or
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR, e.g. the cluster's pod network): the sign-in and anonymous limits then count
/// per real client, and nobody else can pick an address by sending the header. Loopback is always a known proxy.
/// </summary>
internal static class ForwardedClients
{
    public static void AddForwardedClients(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("ForwardedHeaders");
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = section.GetValue("ForwardLimit", 1);
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }

    public static void UseForwardedClients(this WebApplication app) => app.UseForwardedHeaders();
}
