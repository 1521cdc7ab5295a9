using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.EndToEnd.Tests.Queue;
using Platform.Queue.Telephony.Signing;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Telephony;

/// <summary>The PBX signing secrets are encrypted at rest (docs/telephony.md, "Secrets at rest"), and plain rows of before are sealed.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PbxSecretsAtRestTests(PlatformUnderTest platform)
{
    private static async Task<HttpStatusCode> ArriveSignedAsync(QueueWorld world, string secret)
    {
        var body = JsonSerializer.Serialize(new { callerNumber = QueueWorld.UniqueNumber(), queueId = world.QueueId });
        var at = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/queue/calls") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Pbx-Timestamp", at.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Pbx-Signature", "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{at}.{body}"))));
        return (await world.Pbx.SendAsync(request)).StatusCode;
    }

    private async Task<(string Secret, string? Previous)> StoredAsync(Guid tenantId)
    {
        await using var db = platform.Database("queue");
        return await db.QuerySingleAsync<(string, string?)>("SELECT secret, previous_secret FROM pbx_signing WHERE tenant_id = @tenantId", new { tenantId });
    }

    private static async Task<string> RotateAsync(QueueWorld world)
    {
        var rotated = await world.Admin.PostAsJsonAsync("/api/queue/telephony/signing/secrets", new { previousValidHours = 1 });
        Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);
        return (await rotated.JsonAsync()).GetProperty("secret").GetString()!;
    }

    [Fact]
    public async Task Rotated_secrets_are_stored_sealed_and_still_check_signatures()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var first = await RotateAsync(world);
        var second = await RotateAsync(world);
        Assert.Equal(HttpStatusCode.OK, (await world.Admin.PutAsJsonAsync("/api/queue/telephony/signing", new { required = true })).StatusCode);

        var (secret, previous) = await StoredAsync(world.Tenant.Id);
        Assert.StartsWith(PbxSecretProtector.Prefix, secret);
        Assert.StartsWith(PbxSecretProtector.Prefix, previous);
        Assert.DoesNotContain(second, secret);
        Assert.DoesNotContain(first, previous);
        Assert.Equal(HttpStatusCode.Created, await ArriveSignedAsync(world, second));
        Assert.Equal(HttpStatusCode.Created, await ArriveSignedAsync(world, first)); // the previous one, in force for an hour
    }

    [Fact]
    public async Task A_secret_stored_as_plain_text_before_encryption_is_sealed_and_the_pbx_notices_nothing()
    {
        var world = await QueueWorld.CreateAsync(platform);
        const string older = "a-secret-written-before-encryption-0123456789";
        await using (var db = platform.Database("queue"))
        {
            await db.ExecuteAsync("""
                INSERT INTO pbx_signing (tenant_id, secret, rotated_at, rotated_by, required) VALUES (@Id, @older, now(), gen_random_uuid(), true)
                """, new { world.Tenant.Id, older });
        }
        Assert.Equal(HttpStatusCode.Created, await ArriveSignedAsync(world, older)); // read as it is until sealed

        var rewrap = platform.Queue.Services.GetServices<IHostedService>().OfType<PbxSecretRewrap>().Single();
        Assert.True(await rewrap.RewrapAsync(CancellationToken.None) >= 1);

        var (secret, _) = await StoredAsync(world.Tenant.Id);
        Assert.StartsWith(PbxSecretProtector.Prefix, secret);
        Assert.DoesNotContain(older, secret);
        Assert.Equal(HttpStatusCode.Created, await ArriveSignedAsync(world, older));
        Assert.Equal(HttpStatusCode.Unauthorized, await ArriveSignedAsync(world, "some-other-secret-of-the-same-length-01234"));
        await using var check = platform.Database("queue");
        Assert.Equal(0, await check.ExecuteScalarAsync<int>( // every row of every tenant is sealed with the current key now
            "SELECT count(*)::int FROM pbx_signing WHERE secret NOT LIKE 'enc:v1:dev:%' OR previous_secret NOT LIKE 'enc:v1:dev:%'"));
    }
}
