using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class TracingTests(PlatformUnderTest platform) : IDisposable
{
    private readonly ConcurrentBag<Activity> finished = [];
    private readonly ActivityListener listener = new()
    {
        ShouldListenTo = source => source.Name is "MassTransit" or "Platform",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    [Fact]
    public async Task The_trace_of_a_request_continues_through_the_outbox_into_every_consumer()
    {
        listener.ActivityStopped = finished.Add;
        ActivitySource.AddActivityListener(listener);
        var tenant = await platform.CreateTenantAsync();
        var traceId = ActivityTraceId.CreateRandom();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/clients/projects")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { name = "Traced", direction = "inbound", timeZone = "UTC" }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        var response = await tenant.Admin.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        await Eventually.HoldsAsync(() => Task.FromResult(
                finished.Count(a => a.TraceId == traceId && a.Kind == ActivityKind.Consumer && a.Source.Name == "MassTransit") >= 3),
            TimeSpan.FromSeconds(10), "queue, scripts and reporting consume ProjectCreated within the request's trace");
        // The relay's span ends once its whole batch is marked sent, which can be after a consumer has finished.
        await Eventually.HoldsAsync(() => Task.FromResult(
                finished.Any(a => a.TraceId == traceId && a.Source.Name == "Platform" && a.OperationName == "outbox publish")),
            TimeSpan.FromSeconds(10), "the outbox relay's publish is a span of the request's trace");
    }

    public void Dispose() => listener.Dispose();
}
