using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Platform.Gateway.Web;
using Platform.ServiceDefaults.Auth;
using Xunit;

namespace Platform.Web.Tests.Sessions;

/// <summary>The sliding browser session: renewed while the user works, never past its hard maximum from the sign-in.</summary>
[Collection(WebCollection.Name)]
public sealed class SessionRenewalTests(WebPlatform platform)
{
    private const string Password = "browser-password-1";
    private const string Renewal = "/api/auth/session/renewal";

    [Fact]
    public async Task A_renewal_slides_the_cookie_with_a_fresh_token_and_keeps_the_sessions_start_and_hard_end()
    {
        var (gateway, signedIn) = await SignedInAsync();
        await Task.Delay(1100); // a token is minted per second: the renewed one must be a new one

        using var renewed = await gateway.SendAsync(signedIn.Request(HttpMethod.Post, Renewal, new { }));

        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var session = await BrowserSession.FromAsync(renewed);
        Assert.NotEqual(signedIn.Cookie.Value, session.Cookie.Value);
        Assert.True(session.Cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, session.Cookie.SameSite);
        Assert.True(session.Cookie.Expires > signedIn.Cookie.Expires);
        Assert.Equal(signedIn.Start!.Value, session.Start!.Value);                 // the start of the session is kept
        Assert.Equal(signedIn.Body.GetProperty("endsAt").GetDateTimeOffset(), session.Body.GetProperty("endsAt").GetDateTimeOffset());
        Assert.DoesNotContain(session.Cookie.Value.Value!, await renewed.Content.ReadAsStringAsync());
        // The new cookie works with its new CSRF token, and the old CSRF token is not the new session's.
        using var read = await gateway.SendAsync(session.Request(HttpMethod.Get, "/api/clients/projects"));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var stale = await gateway.SendAsync((session with { CsrfToken = signedIn.CsrfToken }).Request(HttpMethod.Post, Renewal, new { }));
        Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);
    }

    [Fact]
    public async Task A_session_past_its_hard_maximum_is_not_renewed_and_its_cookies_are_cleared()
    {
        var (gateway, signedIn) = await SignedInAsync();
        var (tenantId, userId) = Ids(signedIn);
        var maximum = platform.Gateway.Services.GetRequiredService<BrowserSessionOptions>().MaxSessionMinutes;
        var start = platform.Gateway.Services.GetRequiredService<SessionStart>();
        var longAgo = start.Seal(tenantId, userId, DateTimeOffset.UtcNow.AddMinutes(-maximum - 1));

        using var refused = await gateway.SendAsync(WithStart(signedIn, longAgo).Request(HttpMethod.Post, Renewal, new { }));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains($"at most {maximum} minutes", await refused.Content.ReadAsStringAsync());
        var cleared = SetCookieHeaderValue.ParseList(refused.Headers.GetValues("Set-Cookie").ToList());
        Assert.Contains(cleared, c => c.Name == signedIn.Cookie.Name && c.Expires < DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_missing_altered_or_another_users_start_renews_nothing()
    {
        var (gateway, signedIn) = await SignedInAsync();
        var (tenantId, _) = Ids(signedIn);
        var start = platform.Gateway.Services.GetRequiredService<SessionStart>();
        var sealedValue = signedIn.Start!.Value.Value!;
        var seconds = long.Parse(sealedValue[..sealedValue.IndexOf('.')], System.Globalization.CultureInfo.InvariantCulture);
        var altered = $"{seconds + 3600}{sealedValue[sealedValue.IndexOf('.')..]}";      // a later start, the old seal

        foreach (var forged in new[] { null, altered, start.Seal(tenantId, Guid.NewGuid(), DateTimeOffset.UtcNow) })
        {
            using var refused = await gateway.SendAsync(WithStart(signedIn, forged).Request(HttpMethod.Post, Renewal, new { }));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
    }

    [Fact]
    public async Task A_renewal_needs_the_CSRF_token_and_a_bearer_token_is_refused()
    {
        var (gateway, signedIn) = await SignedInAsync();
        using var withoutCsrf = await gateway.SendAsync(signedIn.Request(HttpMethod.Post, Renewal, new { }, csrf: false));
        Assert.Equal(HttpStatusCode.Forbidden, withoutCsrf.StatusCode);

        var tenant = await platform.CreateTenantAsync("w");
        using var bearer = await tenant.Admin.PostAsync(Renewal, null);
        Assert.Equal(HttpStatusCode.Forbidden, bearer.StatusCode);
        Assert.Equal("application/problem+json", bearer.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(HttpClient Gateway, BrowserSession Session)> SignedInAsync()
    {
        var tenant = await platform.CreateTenantAsync("w");
        await WebPlatform.CreateUserAsync(tenant, "agent", Password, [Roles.Agent]);
        var gateway = platform.Gateway.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var (response, session) = await BrowserSession.SignInAsync(gateway, tenant.Slug, "agent", Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(session!.Start);
        return (gateway, session);
    }

    private static (Guid TenantId, Guid UserId) Ids(BrowserSession session) =>
        (session.Body.GetProperty("tenantId").GetGuid(), session.Body.GetProperty("userId").GetGuid());

    private static BrowserSession WithStart(BrowserSession session, string? value) =>
        session with { Start = value is null ? null : new SetCookieHeaderValue(session.Start!.Name, value) };
}
