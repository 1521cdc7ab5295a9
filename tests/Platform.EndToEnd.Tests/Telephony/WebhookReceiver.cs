using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.EndToEnd.Tests.Telephony;

/// <summary>
/// A PBX adapter's webhook on a real socket (Kestrel on 127.0.0.1, a free port): it refuses the first
/// <c>failFirst</c> POSTs with 500, then takes every batch whose signature checks with the tenant's secret, optionally after
/// a delay, and keeps what it took in order. It counts the POSTs in flight at once.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Batch(long SignedAt, JsonElement[] Commands);

    private readonly WebApplication app;
    private readonly ConcurrentQueue<Batch> taken = new();
    private int posts;
    private int inFlight;
    private int maxInFlight;
    private int badlySigned;

    private WebhookReceiver(WebApplication app) => this.app = app;

    public string Url => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/pbx/commands";
    public IReadOnlyList<Batch> Taken => taken.ToArray();
    public IEnumerable<JsonElement> Commands => Taken.SelectMany(b => b.Commands);
    public int Posts => posts;
    public int MaxInFlight => maxInFlight;
    public int BadlySigned => badlySigned;

    public static async Task<WebhookReceiver> StartAsync(Func<string> secret, int failFirst = 0, TimeSpan? delay = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/pbx/commands", async (HttpRequest request) =>
        {
            var now = Interlocked.Increment(ref receiver.inFlight);
            InterlockedMax(ref receiver.maxInFlight, now);
            try
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer);
                var body = buffer.ToArray();
                if (Interlocked.Increment(ref receiver.posts) <= failFirst)
                {
                    return Results.StatusCode(StatusCodes.Status500InternalServerError);
                }
                var signedAt = long.Parse(request.Headers["X-Pbx-Timestamp"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
                if (request.Headers["X-Pbx-Signature"].ToString() != Sign(secret(), signedAt, body))
                {
                    Interlocked.Increment(ref receiver.badlySigned);
                    return Results.StatusCode(StatusCodes.Status401Unauthorized);
                }
                if (delay is { } wait)
                {
                    await Task.Delay(wait);
                }
                using var document = JsonDocument.Parse(body);
                receiver.taken.Enqueue(new Batch(signedAt, document.RootElement.GetProperty("commands").EnumerateArray().Select(c => c.Clone()).ToArray()));
                return Results.Ok();
            }
            finally
            {
                Interlocked.Decrement(ref receiver.inFlight);
            }
        });
        await app.StartAsync();
        return receiver;
    }

    public static string Sign(string secret, long timestamp, byte[] body) =>
        "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.ASCII.GetBytes($"{timestamp}."), .. body]));

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
