using Platform.Gateway;
using Platform.Gateway.Auth;
using Platform.Gateway.Tenants;
using Platform.ServiceDefaults;

var service = new PlatformService("gateway", typeof(GatewayService).Assembly);
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(service);
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
builder.Services.AddSingleton<TokenIssuer>();
builder.Services.AddSingleton<TenantProvisioning>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapTokenApi();
app.MapReverseProxy();

if (args.Contains("seed-demo"))
{
    return await DemoTenants.SeedAsync(app.Services, builder.Configuration["DEMO_PASSWORD"] ?? "demo");
}
return await app.RunServiceAsync(args);
