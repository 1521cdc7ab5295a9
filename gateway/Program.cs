using Platform.Gateway;
using Platform.Gateway.Auth;
using Platform.Gateway.Proxy;
using Platform.Gateway.Security;
using Platform.Gateway.Tenants;
using Platform.Gateway.Users;
using Platform.Gateway.Web;
using Platform.ServiceDefaults;

var service = new PlatformService("gateway", typeof(GatewayService).Assembly);
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(service);
builder.AddGatewayRateLimits();
builder.AddForwardedClients();
builder.AddWebCors();
builder.AddBrowserSessions();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
builder.Services.AddDestinationFailover();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<TokenIssuer>();
builder.AddTokenRevocation();
builder.Services.AddSingleton<TenantDirectory>();
builder.Services.AddSingleton<TenantProvisioning>();

var app = builder.Build();
app.UseForwardedClients();
app.UseWebCors();
app.UseWebApp();          // the pages, before authentication: they hold no data
app.UseBrowserSessions(); // a browser's session cookie becomes the bearer token (CSRF-checked writes)
app.UseApiExplorerPolicy();
// Rate limits between authentication and authorization: they count per user, and anonymous requests refused with 401 too.
app.UseServiceDefaults(afterAuthentication: pipeline => pipeline.UseRateLimiter());
app.UseTokenRevocation();
app.MapTokenApi();
app.MapSessionApi();
app.MapApiExplorer();     // /scalar: every service's OpenAPI document
app.MapUsersApi();
// A route may raise the body limit for itself (Metadata.MaxRequestBodyBytes in appsettings: call-list uploads).
app.MapReverseProxy(proxy => proxy.UseDestinationFailover()).ConfigureEndpoints((endpoint, route) =>
{
    if (route.Metadata?.TryGetValue("MaxRequestBodyBytes", out var bytes) == true)
    {
        endpoint.WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(long.Parse(bytes, System.Globalization.CultureInfo.InvariantCulture)));
    }
});

if (args.Contains(TenantCommand.Name))
{
    return await TenantCommand.RunAsync(app.Services, args, builder.Configuration["ADMIN_PASSWORD"]);
}
if (args.Contains("seed-demo"))
{
    return await DemoTenants.SeedAsync(app.Services, builder.Configuration["DEMO_PASSWORD"] ?? "demo");
}
return await app.RunServiceAsync(args);
