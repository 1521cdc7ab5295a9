using Platform.Clients;
using Platform.Clients.Projects;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Messaging;

var service = new PlatformService("clients", typeof(ClientsService).Assembly);
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(service);
builder.AddPlatformMessaging(service);
builder.Services.AddSingleton(TimeProvider.System);

var app = builder.Build();
app.UseServiceDefaults();
app.MapProjectsApi();

return await app.RunServiceAsync(args);
