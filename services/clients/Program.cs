using Platform.Clients;
using Platform.Clients.Calendar;
using Platform.Clients.Complaints;
using Platform.Clients.Consent;
using Platform.Clients.Contacts;
using Platform.Clients.Dispositions;
using Platform.Clients.Imports;
using Platform.Clients.Lifecycle;
using Platform.Clients.Outcomes;
using Platform.Clients.Plan;
using Platform.Clients.Privacy;
using Platform.Clients.Projects;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Messaging;

var service = new PlatformService("clients", typeof(ClientsService).Assembly);
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(service);
builder.AddPlatformMessaging(service);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(builder.Configuration.GetSection("Cooldown").Get<CooldownOptions>() ?? new CooldownOptions());
builder.Services.AddHostedService<CooldownSweep>();
builder.Services.AddSingleton(builder.Configuration.GetSection("Imports").Get<ImportOptions>() ?? new ImportOptions());
builder.Services.AddHostedService<CallListImporter>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapProjectsApi();
app.MapCalendarApi();
app.MapDispositionsApi();
app.MapContactsApi();
app.MapOutcomesApi();
app.MapConsentsApi();
app.MapPlanApi();
app.MapImportsApi();
app.MapPrivacyApi();
app.MapComplaintsApi();

return await app.RunServiceAsync(args);
