using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Faults.Tests.Support;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Faults.Tests.Revocation;

/// <summary>
/// Sign-ins that lose their rights lose access at the gateway within seconds, not at their token's expiry: through the
/// gateway's own API and through a proxied route (reporting, here a stub replica that answers 200).
/// </summary>
public sealed class RevocationTests(RevocationTests.Platform platform, ITestOutputHelper output) : IClassFixture<RevocationTests.Platform>
{
    public sealed class Platform : IAsyncLifetime
    {
        public StubReplica Reporting { get; } = new("reporting");
        public GatewayAlone Gateway { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Reporting.StartAsync();
            Gateway = new GatewayAlone(new Dictionary<string, string?>
            {
                ["ReverseProxy:Clusters:reporting:Destinations:primary:Address"] = Reporting.Address,
            });
            await Gateway.StartAsync();
        }

        public async Task DisposeAsync()
        {
            await Gateway.DisposeAsync();
            Reporting.Dispose();
        }
    }

    private sealed record Call(string Tenant, Guid TenantId, HttpClient Admin, Guid UserId, string Username, string Password, HttpClient User);

    private async Task<Call> SignedInUserAsync(string[] roles, Guid[]? projects = null)
    {
        var (tenantId, slug) = await platform.Gateway.CreateTenantAsync();
        var (_, adminPassword) = await platform.Gateway.CreateUserAsync(tenantId, "admin", [Roles.Admin]);
        var admin = await platform.Gateway.SignedInAsync(slug, "admin", adminPassword);
        var (userId, password) = await platform.Gateway.CreateUserAsync(tenantId, "someone", roles, projects);
        var user = await platform.Gateway.SignedInAsync(slug, "someone", password);
        return new Call(slug, tenantId, admin, userId, "someone", password, user);
    }

    /// <summary>How long after the change the old sign-in was first refused (polled every 50 ms).</summary>
    private static async Task<TimeSpan> RefusedAsync(HttpClient user, string path, Stopwatch since, string what)
    {
        await Eventually.HoldsAsync(async () => (await user.GetAsync(path)).StatusCode == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(30), what);
        return since.Elapsed;
    }

    private static Task<HttpResponseMessage> UpdateAsync(HttpClient admin, Guid userId, string[] roles, Guid[]? projects = null, bool disabled = false, string name = "someone") =>
        admin.PutAsJsonAsync($"/api/users/{userId}", new { displayName = name, roles, projectIds = projects ?? [], disabled });

    [Fact]
    public async Task A_demoted_admin_loses_the_admin_sign_in_within_seconds()
    {
        var call = await SignedInUserAsync([Roles.Admin]);
        Assert.Equal(HttpStatusCode.OK, (await call.User.GetAsync("/api/users")).StatusCode);

        var changed = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await UpdateAsync(call.Admin, call.UserId, [Roles.Supervisor])).StatusCode);

        var after = await RefusedAsync(call.User, "/api/users", changed, "the demoted admin's old token is refused");
        output.WriteLine($"demoted admin refused {after.TotalSeconds:0.00} s after the change (Auth:Revocation:CheckSeconds 2)");
        Assert.Equal(HttpStatusCode.Unauthorized, (await call.User.GetAsync("/api/reporting/anything")).StatusCode);
        var again = await platform.Gateway.SignedInAsync(call.Tenant, call.Username, call.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/users")).StatusCode); // a supervisor now
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/reporting/anything")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_loses_access_within_seconds_and_cannot_sign_in_again()
    {
        var call = await SignedInUserAsync([Roles.Supervisor]);
        Assert.Equal(HttpStatusCode.OK, (await call.User.GetAsync("/api/reporting/anything")).StatusCode);

        var changed = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await UpdateAsync(call.Admin, call.UserId, [Roles.Supervisor], disabled: true)).StatusCode);

        var after = await RefusedAsync(call.User, "/api/reporting/anything", changed, "the disabled user's token is refused");
        output.WriteLine($"disabled user refused {after.TotalSeconds:0.00} s after the change");
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Gateway.SignInAsync(call.Tenant, call.Username, call.Password)).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_ends_every_earlier_sign_in()
    {
        var call = await SignedInUserAsync([Roles.Agent]);
        Assert.Equal(HttpStatusCode.OK, (await call.User.GetAsync("/api/reporting/anything")).StatusCode);

        var changed = Stopwatch.StartNew();
        var reset = await call.Admin.PutAsJsonAsync($"/api/users/{call.UserId}/password", new { password = "a-new-password-1" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        var after = await RefusedAsync(call.User, "/api/reporting/anything", changed, "the token from before the reset is refused");
        output.WriteLine($"sign-in before a password reset refused {after.TotalSeconds:0.00} s after the reset");
        var again = await platform.Gateway.SignedInAsync(call.Tenant, call.Username, "a-new-password-1");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/reporting/anything")).StatusCode);
    }

    [Fact]
    public async Task A_client_viewer_removed_from_a_project_loses_the_sign_in_that_named_it()
    {
        Guid[] projects = [Guid.NewGuid(), Guid.NewGuid()];
        var call = await SignedInUserAsync([Roles.ClientViewer], projects);
        Assert.Equal(HttpStatusCode.OK, (await call.User.GetAsync("/api/reporting/anything")).StatusCode);

        var changed = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await UpdateAsync(call.Admin, call.UserId, [Roles.ClientViewer], [projects[0]])).StatusCode);

        var after = await RefusedAsync(call.User, "/api/reporting/anything", changed, "the viewer's token naming the removed project is refused");
        output.WriteLine($"client viewer removed from a project refused {after.TotalSeconds:0.00} s after the change");
    }

    [Fact]
    public async Task A_change_that_takes_no_right_away_keeps_the_sign_in()
    {
        var call = await SignedInUserAsync([Roles.Supervisor]);
        Assert.Equal(HttpStatusCode.OK, (await UpdateAsync(call.Admin, call.UserId, [Roles.Supervisor], name: "Renamed")).StatusCode);

        // Past the revocation check's period: the row was read again and still matches.
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.2));
            Assert.Equal(HttpStatusCode.OK, (await call.User.GetAsync("/api/reporting/anything")).StatusCode);
        }
    }

    [Fact]
    public async Task A_token_older_than_the_maximum_lifetime_is_refused_whatever_its_expiry_says()
    {
        var call = await SignedInUserAsync([Roles.Supervisor]);
        var now = DateTime.UtcNow;
        var max = TimeSpan.FromMinutes(new JwtOptions().MaxTokenLifetimeMinutes);

        var fresh = Forge(call, issuedAt: now, expires: now.AddMinutes(30));
        var old = Forge(call, issuedAt: now - max - TimeSpan.FromMinutes(5), expires: now.AddMinutes(30));
        var tooLong = Forge(call, issuedAt: now, expires: now + max + TimeSpan.FromMinutes(5));
        var noIssuedAt = Forge(call, issuedAt: null, expires: now.AddMinutes(30));

        Assert.Equal(HttpStatusCode.OK, (await platform.Gateway.WithToken(fresh).GetAsync("/api/reporting/anything")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Gateway.WithToken(old).GetAsync("/api/reporting/anything")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Gateway.WithToken(tooLong).GetAsync("/api/reporting/anything")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Gateway.WithToken(noIssuedAt).GetAsync("/api/reporting/anything")).StatusCode);
    }

    [Fact]
    public async Task The_gateways_metrics_are_not_reachable_without_a_scrape_token_configured()
    {
        var admin = await platform.Gateway.AdminAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await platform.Gateway.Host.CreateClient().GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/metrics")).StatusCode);
    }

    /// <summary>A token signed with the (development) key, as a leaked key or a misconfigured issuer would make it.</summary>
    private static string Forge(Call call, DateTime? issuedAt, DateTime expires)
    {
        var options = new JwtOptions();
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity([
                new Claim(PlatformClaims.Subject, call.UserId.ToString()), new Claim(PlatformClaims.TenantId, call.TenantId.ToString()),
                new Claim(PlatformClaims.Role, Roles.Supervisor), new Claim(PlatformClaims.TokenVersion, "0")]),
            NotBefore = (issuedAt ?? DateTime.UtcNow).AddMinutes(-1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(options.SecurityKey(), SecurityAlgorithms.HmacSha256),
        };
        if (issuedAt is { } iat)
        {
            descriptor.IssuedAt = iat;
        }
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
