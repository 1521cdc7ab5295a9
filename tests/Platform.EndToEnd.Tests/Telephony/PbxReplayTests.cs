using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Telephony;

/// <summary>
/// Replay protection of signed PBX requests through the gateway (docs/telephony.md, "Signed requests"): a request signed
/// with a nonce is taken once within its window; a tenant may require the nonce; a nonce outside the signature does not help.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PbxReplayTests(PlatformUnderTest platform)
{
    private static string Hmac(string secret, string signed) =>
        "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(signed)));

    /// <summary>An arrival as a captured request: its body and headers fixed, so it can be sent again byte for byte.</summary>
    private sealed record Captured(string Body, long At, string? Nonce, string Signature);

    private static Captured Arrival(QueueWorld world, string secret, string? nonce, string? signedNonce = null)
    {
        var body = JsonSerializer.Serialize(new { callerNumber = QueueWorld.UniqueNumber(), queueId = world.QueueId });
        var at = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var inSignature = signedNonce ?? nonce;
        return new Captured(body, at, nonce, Hmac(secret, inSignature is null ? $"{at}.{body}" : $"{at}.{inSignature}.{body}"));
    }

    private static async Task<HttpResponseMessage> SendAsync(QueueWorld world, Captured captured)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/queue/calls") { Content = new StringContent(captured.Body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Pbx-Timestamp", captured.At.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Pbx-Signature", captured.Signature);
        if (captured.Nonce is not null)
        {
            request.Headers.Add("X-Pbx-Nonce", captured.Nonce);
        }
        return await world.Pbx.SendAsync(request);
    }

    private static async Task<string> RotateAsync(QueueWorld world)
    {
        var rotated = await world.Admin.PostAsJsonAsync("/api/queue/telephony/signing/secrets", new { });
        Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);
        return (await rotated.JsonAsync()).GetProperty("secret").GetString()!;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string because)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(because, (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    /// <summary>The calls the queue service made for the tenant (from its database).</summary>
    private async Task<int> WaitingCallsAsync(QueueWorld world)
    {
        await using var db = platform.Database("queue");
        return await db.ExecuteScalarAsync<int>("SELECT count(*)::int FROM calls WHERE tenant_id = @Id", new { world.Tenant.Id });
    }

    [Fact]
    public async Task A_captured_request_with_a_nonce_is_taken_once_within_its_window()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var secret = await RotateAsync(world);
        var captured = Arrival(world, secret, nonce: Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Created, (await SendAsync(world, captured)).StatusCode);
        await AssertRefusedAsync(await SendAsync(world, captured), "already used");
        await AssertRefusedAsync(await SendAsync(world, captured), "already used");
        Assert.Equal(1, await WaitingCallsAsync(world)); // the replays made no call

        Assert.Equal(HttpStatusCode.Created, (await SendAsync(world, Arrival(world, secret, nonce: Guid.NewGuid().ToString()))).StatusCode);
        Assert.Equal(2, await WaitingCallsAsync(world));
    }

    [Fact]
    public async Task A_nonce_changed_on_a_captured_request_breaks_its_signature()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var secret = await RotateAsync(world);
        var original = Arrival(world, secret, nonce: Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(world, original)).StatusCode);

        await AssertRefusedAsync(await SendAsync(world, original with { Nonce = Guid.NewGuid().ToString() }), "matches none");
        await AssertRefusedAsync(await SendAsync(world, original with { Nonce = "short" }), "X-Pbx-Nonce must be");
        Assert.Equal(1, await WaitingCallsAsync(world));
    }

    [Fact]
    public async Task A_tenant_that_requires_a_nonce_refuses_a_signed_request_without_one()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var secret = await RotateAsync(world);
        var alone = await world.Admin.PutAsJsonAsync("/api/queue/telephony/signing", new { required = false, nonceRequired = true });
        Assert.Equal(HttpStatusCode.BadRequest, alone.StatusCode); // an unsigned request would pass without a nonce
        var set = await world.Admin.PutAsJsonAsync("/api/queue/telephony/signing", new { required = true, nonceRequired = true });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.True((await set.JsonAsync()).GetProperty("nonceRequired").GetBoolean());

        await AssertRefusedAsync(await SendAsync(world, Arrival(world, secret, nonce: null)), "requires a nonce");
        Assert.Equal(0, await WaitingCallsAsync(world));
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(world, Arrival(world, secret, nonce: Guid.NewGuid().ToString("N")))).StatusCode);

        // Requiring signing again without naming the nonce keeps it required; lifting signing lifts the nonce too.
        var kept = await world.Admin.PutAsJsonAsync("/api/queue/telephony/signing", new { required = true });
        Assert.True((await kept.JsonAsync()).GetProperty("nonceRequired").GetBoolean());
        var lifted = await world.Admin.PutAsJsonAsync("/api/queue/telephony/signing", new { required = false });
        Assert.False((await lifted.JsonAsync()).GetProperty("nonceRequired").GetBoolean());
    }
}
