using Platform.Queue;
using Platform.Queue.Queues;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Messaging;

var service = new PlatformService("queue", typeof(QueueService).Assembly);
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(service);
builder.AddPlatformMessaging(service);

var app = builder.Build();
app.UseServiceDefaults();
app.MapQueuesApi();

return await app.RunServiceAsync(args);
