using Platform.Clients;
using Platform.Clients.Calendar;
using Platform.Clients.Companies;
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
using Platform.Clients.Recycling;
using Platform.Clients.Scoping;
using Platform.Clients.Suppression;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Messaging;

var service = new PlatformService("clients", typeof(ClientsService).Assembly);
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(service);
builder.AddPlatformMessaging(service);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(DoNotCallList.From(builder.Configuration, builder.Environment));
builder.Services.AddSingleton(builder.Configuration.GetSection("Cooldown").Get<CooldownOptions>() ?? new CooldownOptions());
builder.Services.AddHostedService<CooldownSweep>();
builder.Services.AddSingleton(builder.Configuration.GetSection("Imports").Get<ImportOptions>() ?? new ImportOptions());
builder.Services.AddHostedService<CallListImporter>();

var app = builder.Build();
app.UseServiceDefaults();
app.UseProjectScope(); // every operation sees only the projects its user may (agents: the projects they work on)
app.MapClientCompaniesApi();
app.MapProjectsApi();
app.MapCalendarApi();
app.MapDispositionsApi();
app.MapContactsApi();
app.MapOutcomesApi();
app.MapConsentsApi();
app.MapPlanApi();
app.MapImportsApi();
app.MapPrivacyApi();
app.MapDoNotCallApi();
app.MapSuppressionListsApi();
app.MapComplaintsApi();
app.MapRecyclingApi();

return await app.RunServiceAsync(args);
