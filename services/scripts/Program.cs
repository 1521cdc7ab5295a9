using Platform.Scripts;
using Platform.Scripts.Projects;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Messaging;

var service = new PlatformService("scripts", typeof(ScriptsService).Assembly);
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(service);
builder.AddPlatformMessaging(service);

var app = builder.Build();
app.UseServiceDefaults();
app.MapProjectScriptsApi();

return await app.RunServiceAsync(args);
