using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Telephony;

/// <summary>
/// Signed requests between a PBX and the platform through the gateway (docs/telephony.md, "Signed requests"): HMAC-SHA256
/// over "timestamp.body" with the tenant's secret, a replay window, rotation with two secrets in force, 401 ProblemDetails
/// for anything else, and the command stream's answers signed back.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SignedPbxRequestsTests(PlatformUnderTest platform)
{
    private static string Hmac(string secret, long timestamp, string body) =>
        "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    private static async Task<HttpResponseMessage> ArriveAsync(QueueWorld world, string? secret, long? signedAt = null, string? signature = null)
    {
        var body = JsonSerializer.Serialize(new { callerNumber = QueueWorld.UniqueNumber(), queueId = world.QueueId, externalId = $"pbx-{Guid.NewGuid():N}" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/queue/calls") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null || signature is not null)
        {
            var at = signedAt ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            request.Headers.Add("X-Pbx-Timestamp", at.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Pbx-Signature", signature ?? Hmac(secret!, at, body));
        }
        return await world.Pbx.SendAsync(request);
    }

    private static async Task<string> RotateAsync(QueueWorld world, int? previousValidHours = null)
    {
        var rotated = await world.Admin.PostAsJsonAsync("/api/queue/telephony/signing/secrets", new { previousValidHours });
        Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);
        return (await rotated.JsonAsync()).GetProperty("secret").GetString()!;
    }

    private static async Task RequireAsync(QueueWorld world, bool required) =>
        Assert.Equal(HttpStatusCode.OK, (await world.Admin.PutAsJsonAsync("/api/queue/telephony/signing", new { required })).StatusCode);

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string because)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(because, (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    /// <summary>The calls the platform holds for the queue (read signed: a GET signs its empty body).</summary>
    private static async Task<int> CallsInQueueAsync(QueueWorld world, string secret)
    {
        var at = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/queue/telephony/calls");
        request.Headers.Add("X-Pbx-Timestamp", at.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Pbx-Signature", Hmac(secret, at, ""));
        var response = await world.Pbx.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).EnumerateArray().Count(c => c.GetProperty("queueId").GetGuid() == world.QueueId);
    }

    [Fact]
    public async Task Once_signing_is_required_only_a_request_signed_now_with_the_tenants_secret_is_taken()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var secret = await RotateAsync(world);
        await RequireAsync(world, true);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        await AssertRefusedAsync(await ArriveAsync(world, null), "not signed");
        await AssertRefusedAsync(await ArriveAsync(world, "a secret the tenant never had"), "matches none");
        await AssertRefusedAsync(await ArriveAsync(world, secret, signedAt: now - 600), "more than 300 seconds");
        await AssertRefusedAsync(await ArriveAsync(world, secret, signedAt: now + 600), "more than 300 seconds");
        await AssertRefusedAsync(await ArriveAsync(world, null, signature: "v1=" + new string('0', 64)), "matches none");
        Assert.Equal(0, await CallsInQueueAsync(world, secret)); // refused before the endpoint: no call was made

        var taken = await ArriveAsync(world, secret);
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        Assert.Equal(1, await CallsInQueueAsync(world, secret));
    }

    [Fact]
    public async Task A_tampered_body_is_refused_even_with_a_fresh_timestamp()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var secret = await RotateAsync(world);
        var at = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signedFor = JsonSerializer.Serialize(new { callerNumber = "+420601000111", queueId = world.QueueId });

        await AssertRefusedAsync(await ArriveAsync(world, null, at, Hmac(secret, at, signedFor)), "matches none");
        Assert.Equal(0, await CallsInQueueAsync(world, secret));
    }

    [Fact]
    public async Task After_a_rotation_both_secrets_work_until_the_old_one_expires()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var first = await RotateAsync(world);
        await RequireAsync(world, true);
        var second = await RotateAsync(world, previousValidHours: 1);

        Assert.Equal(HttpStatusCode.Created, (await ArriveAsync(world, first)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ArriveAsync(world, second)).StatusCode);
        var status = await (await world.Admin.GetAsync("/api/queue/telephony/signing")).JsonAsync();
        Assert.True(status.GetProperty("required").GetBoolean());
        Assert.False(status.TryGetProperty("secret", out _));

        var third = await RotateAsync(world, previousValidHours: 0);
        await AssertRefusedAsync(await ArriveAsync(world, first), "matches none");
        await AssertRefusedAsync(await ArriveAsync(world, second), "matches none");
        Assert.Equal(HttpStatusCode.Created, (await ArriveAsync(world, third)).StatusCode);
    }

    [Fact]
    public async Task Before_signing_is_required_unsigned_requests_pass_and_signed_ones_are_checked()
    {
        var world = await QueueWorld.CreateAsync(platform);
        Assert.Equal(HttpStatusCode.Created, (await ArriveAsync(world, null)).StatusCode);
        var conflict = await world.Admin.PutAsJsonAsync("/api/queue/telephony/signing", new { required = true });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode); // nothing to sign with yet

        var secret = await RotateAsync(world);
        Assert.Equal(HttpStatusCode.Created, (await ArriveAsync(world, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ArriveAsync(world, secret)).StatusCode);
        await AssertRefusedAsync(await ArriveAsync(world, "a wrong secret"), "matches none");
        Assert.False((await (await world.Admin.GetAsync("/api/queue/telephony/signing")).JsonAsync()).GetProperty("required").GetBoolean());
    }

    [Fact]
    public async Task The_command_streams_answer_is_signed_with_the_current_secret()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var secret = await RotateAsync(world);
        var read = await world.Pbx.GetAsync("/api/queue/telephony/commands?limit=10");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var body = await read.Content.ReadAsStringAsync();
        var at = long.Parse(read.Headers.GetValues("X-Pbx-Timestamp").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Hmac(secret, at, body), read.Headers.GetValues("X-Pbx-Signature").Single());
    }

    [Fact]
    public async Task People_of_a_tenant_that_requires_signing_are_not_asked_to_sign()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await RotateAsync(world);
        await RequireAsync(world, true);
        Assert.Equal(HttpStatusCode.OK, (await world.Admin.GetAsync($"/api/queue/queues/{world.QueueId}")).StatusCode);
        var bad = await world.Admin.PostAsJsonAsync("/api/queue/telephony/signing/secrets", new { previousValidHours = 169 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
