using Platform.Reporting;
using Platform.Reporting.Agents;
using Platform.Reporting.Calls;
using Platform.Reporting.Live;
using Platform.Reporting.Occupancy;
using Platform.Reporting.Projections;
using Platform.Reporting.Projects;
using Platform.Reporting.Queues;
using Platform.Reporting.Scripts;
using Platform.Reporting.Staffing;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Messaging;

var service = new PlatformService("reporting", typeof(ReportingService).Assembly);
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(service);
builder.AddPlatformMessaging(service);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<LiveChannel>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveChannel>());

var app = builder.Build();
app.UseServiceDefaults();
app.MapProjectSummaryApi();
app.MapQueueIntervalsApi();
app.MapAgentDaysApi();
app.MapAgentRangeApi();
app.MapOccupancyApi();
app.MapProjectIntervalsApi();
app.MapCallRecordsApi();
app.MapAbandonedCallersApi();
app.MapScriptFunnelApi();
app.MapStaffingApi();
app.MapLiveApi();
app.MapRebuildApi();
app.MapParkedEventsApi();

return await app.RunServiceAsync(args);
