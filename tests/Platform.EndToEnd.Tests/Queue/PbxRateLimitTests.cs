using System.Net;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Queue;

/// <summary>The PBX service account has a budget of its own at the gateway, sized for calls per second, outside its tenant's.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PbxRateLimitTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task The_pbx_account_goes_past_a_persons_and_its_tenants_limits_up_to_its_own_and_its_tenant_is_not_charged()
    {
        var gateway = await platform.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["RateLimits:PerUserPerMinute"] = "5",
            ["RateLimits:PerTenantPerMinute"] = "8",
            ["RateLimits:PerPbxAccountPerMinute"] = "20",
        });
        var tenant = await platform.CreateTenantAsync();
        var pbxUser = await platform.CreateUserAsync(tenant, [Roles.Telephony]);
        var pbx = TestTenant.WithToken(gateway.CreateClient(), pbxUser.DefaultRequestHeaders.Authorization!.Parameter!);
        var admin = TestTenant.WithToken(gateway.CreateClient(), await platform.SignInAsync(tenant.Slug, "admin", tenant.Password));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await pbx.GetAsync("/api/queue/telephony/calls")).StatusCode);
        }
        var over = await pbx.GetAsync("/api/queue/telephony/calls");

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/clients/projects")).StatusCode);
    }
}
