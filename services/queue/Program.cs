using Platform.Queue;
using Platform.Queue.Agents;
using Platform.Queue.Callbacks;
using Platform.Queue.Calls;
using Platform.Queue.Dialer.Campaigns;
using Platform.Queue.Dialer.Dialing;
using Platform.Queue.Dispatch;
using Platform.Queue.Push;
using Platform.Queue.Queues;
using Platform.Queue.Telephony;
using Platform.Queue.Telephony.Signing;
using Platform.Queue.Telephony.Webhooks;
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
builder.Services.AddSingleton(builder.Configuration.GetSection("Telephony").Get<PbxSigningOptions>() ?? new PbxSigningOptions());
// Built when the host starts (the rewrap needs it), not in the migration Job: a missing or development key stops the service.
builder.Services.AddSingleton(_ => new PbxSecretProtector(
    builder.Configuration.GetSection("PbxSecrets").Get<PbxSecretOptions>() ?? new PbxSecretOptions(), builder.Environment.IsProduction()));
builder.Services.AddSingleton<SigningSecrets>();
builder.Services.AddHostedService<PbxSecretRewrap>();
builder.Services.AddSingleton<PbxNonces>();
builder.Services.AddSingleton(builder.Configuration.GetSection("Webhooks").Get<WebhookOptions>() ?? new WebhookOptions());
builder.Services.AddSingleton<WebhookSender>();
builder.Services.AddHostedService<WebhookRelay>();
builder.Services.AddSingleton(builder.Configuration.GetSection("Callbacks").Get<CallbackDayOptions>() ?? new CallbackDayOptions());
builder.Services.AddHostedService<CallbackDaySweep>();
builder.Services.AddSingleton(builder.Configuration.GetSection("Announcements").Get<AnnouncementOptions>() ?? new AnnouncementOptions());
builder.Services.AddHostedService<AnnouncementSweep>();
builder.Services.AddSingleton(builder.Configuration.GetSection("Dialer").Get<DialerOptions>() ?? new DialerOptions());
builder.Services.AddSingleton<ContactLeasing>();
builder.Services.AddSingleton<CampaignTick>();
builder.Services.AddHostedService<DialLoop>();
builder.Services.AddHostedService<WaitingCallsMetrics>();
builder.Services.AddSingleton<AgentChannel>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<AgentChannel>());

var app = builder.Build();
app.UseServiceDefaults();
app.UseMiddleware<PbxSignatureMiddleware>(); // after authentication: it checks the PBX accounts' signed requests
app.MapQueuesApi();
app.MapAgentsApi();
app.MapGroupsApi();
app.MapAgentStateApi();
app.MapAgentEventsApi();
app.MapCallsApi();
app.MapTelephonyApi();
app.MapCampaignsApi();

return await app.RunServiceAsync(args);
