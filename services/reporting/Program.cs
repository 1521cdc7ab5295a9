using Platform.Reporting;
using Platform.Reporting.Projects;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Messaging;

var service = new PlatformService("reporting", typeof(ReportingService).Assembly);
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(service);
builder.AddPlatformMessaging(service);

var app = builder.Build();
app.UseServiceDefaults();
app.MapProjectSummaryApi();

return await app.RunServiceAsync(args);
