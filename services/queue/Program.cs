using Platform.Queue;
using Platform.Queue.Agents;
using Platform.Queue.Calls;
using Platform.Queue.Dispatch;
using Platform.Queue.Push;
using Platform.Queue.Queues;
using Platform.Queue.Telephony;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Messaging;

var service = new PlatformService("queue", typeof(QueueService).Assembly);
var builder = WebApplication.CreateBuilder(args);
// Every statement of this service finds its rows by key or by a partial index on a status written in the SQL, so one
// generic plan serves each; left to choose, PostgreSQL re-planned several at every call (as much time as executing them).
builder.Configuration["Database:PlanCacheMode"] ??= "force_generic_plan";
builder.AddServiceDefaults(service);
builder.AddPlatformMessaging(service);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<Dispatcher>();
builder.Services.AddSingleton(builder.Configuration.GetSection("Routing").Get<RoutingSweepOptions>() ?? new RoutingSweepOptions());
builder.Services.AddHostedService<RoutingSweep>();
builder.Services.AddSingleton(builder.Configuration.GetSection("Telephony").Get<StaleCallOptions>() ?? new StaleCallOptions());
builder.Services.AddHostedService<StaleCallSweep>();
builder.Services.AddHostedService<WaitingCallsMetrics>();
builder.Services.AddSingleton<AgentChannel>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<AgentChannel>());

var app = builder.Build();
app.UseServiceDefaults();
app.MapQueuesApi();
app.MapAgentsApi();
app.MapGroupsApi();
app.MapAgentStateApi();
app.MapAgentEventsApi();
app.MapCallsApi();
app.MapTelephonyApi();

return await app.RunServiceAsync(args);
