using Platform.Scripts;
using Platform.Scripts.Projects;
using Platform.Scripts.Scoping;
using Platform.Scripts.Scripts;
using Platform.Scripts.Sessions;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Messaging;

var service = new PlatformService("scripts", typeof(ScriptsService).Assembly);
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(service);
builder.AddPlatformMessaging(service);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<CompiledScripts>();

var app = builder.Build();
app.UseServiceDefaults();
app.UseProjectScope(); // agents read the scripts and sessions of the projects they work on only
app.MapProjectScriptsApi();
app.MapScriptsApi();
app.MapPublishingApi();
app.MapVersionsApi();
app.MapSessionsApi();
app.MapSessionMovesApi();

return await app.RunServiceAsync(args);
