using System.Net;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Security;

[Collection(PlatformCollection.Name)]
public sealed class AbuseLimitTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_user_over_their_limit_gets_429_with_retry_after_and_others_go_on()
    {
        var gateway = await platform.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["RateLimits:PerUserPerMinute"] = "5",
            ["RateLimits:PerTenantPerMinute"] = "1000",
        });
        var tenant = await platform.CreateTenantAsync();
        var busy = TestTenant.WithToken(gateway.CreateClient(), await platform.SignInAsync(tenant.Slug, "admin", tenant.Password));
        var colleague = await platform.CreateUserAsync(tenant, ["supervisor"]);
        var colleagueHere = TestTenant.WithToken(gateway.CreateClient(), colleague.DefaultRequestHeaders.Authorization!.Parameter!);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await busy.GetAsync("/api/clients/projects")).StatusCode);
        }
        var refused = await busy.GetAsync("/api/clients/projects");

        Assert.All(statuses.Take(5), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After"))), 1, 60);
        Assert.Equal(HttpStatusCode.OK, (await colleagueHere.GetAsync("/api/clients/projects")).StatusCode);
    }

    [Fact]
    public async Task A_tenant_over_its_limit_gets_429_for_all_its_users_but_not_for_other_tenants()
    {
        var gateway = await platform.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["RateLimits:PerUserPerMinute"] = "1000",
            ["RateLimits:PerTenantPerMinute"] = "4",
        });
        var noisy = await platform.CreateTenantAsync();
        var quiet = await platform.CreateTenantAsync();
        var first = TestTenant.WithToken(gateway.CreateClient(), await platform.SignInAsync(noisy.Slug, "admin", noisy.Password));
        var second = TestTenant.WithToken(gateway.CreateClient(), (await platform.CreateUserAsync(noisy, ["agent"])).DefaultRequestHeaders.Authorization!.Parameter!);
        var other = TestTenant.WithToken(gateway.CreateClient(), await platform.SignInAsync(quiet.Slug, "admin", quiet.Password));

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/clients/projects")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await second.GetAsync("/api/clients/projects")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/clients/projects")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited()
    {
        var gateway = await platform.StartGatewayAsync(new Dictionary<string, string?> { ["RateLimits:SignInPerAddressPerMinute"] = "3" });
        var client = gateway.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostAsync("/api/auth/token", Samples.Json(new { tenant = "nobody-here", username = "x", password = "y" }))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_until_an_admin_resets_it()
    {
        var tenant = await platform.CreateTenantAsync();
        var created = await tenant.Admin.PostAsync("/api/users", Samples.Json(new
        {
            username = "guessed", displayName = "Guessed", password = "right-password-1", roles = new[] { "agent" },
        }));
        var userId = await created.CreatedIdAsync();
        var client = platform.Gateway.CreateClient();
        Task<HttpResponseMessage> SignIn(string password) =>
            client.PostAsync("/api/auth/token", Samples.Json(new { tenant = tenant.Slug, username = "guessed", password }));

        for (var i = 0; i < Gateway.Auth.SignInLockout.FreeAttempts; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn($"guess-{i}")).StatusCode);
        }
        var locked = await SignIn("right-password-1");

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.InRange(int.Parse(Assert.Single(locked.Headers.GetValues("Retry-After"))), 1, 30);
        var reset = await tenant.Admin.PutAsync($"/api/users/{userId}/password", Samples.Json(new { password = "new-password-22" }));
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignIn("new-password-22")).StatusCode);
    }
}
