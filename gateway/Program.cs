using Platform.Gateway;
using Platform.Gateway.Auth;
using Platform.Gateway.Security;
using Platform.Gateway.Tenants;
using Platform.Gateway.Users;
using Platform.ServiceDefaults;

var service = new PlatformService("gateway", typeof(GatewayService).Assembly);
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(service);
builder.AddGatewayRateLimits();
builder.AddWebCors();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<TokenIssuer>();
builder.Services.AddSingleton<TenantDirectory>();
builder.Services.AddSingleton<TenantProvisioning>();

var app = builder.Build();
app.UseWebCors();
app.UseServiceDefaults();
app.UseRateLimiter();
app.MapTokenApi();
app.MapUsersApi();
app.MapReverseProxy();

if (args.Contains("seed-demo"))
{
    return await DemoTenants.SeedAsync(app.Services, builder.Configuration["DEMO_PASSWORD"] ?? "demo");
}
return await app.RunServiceAsync(args);
