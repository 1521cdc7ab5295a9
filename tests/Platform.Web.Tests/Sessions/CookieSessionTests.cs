using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;
using Platform.Gateway;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;

namespace Platform.Web.Tests.Sessions;

/// <summary>The browser's sign-in at the gateway: an HttpOnly cookie the gateway turns into the services' bearer token, CSRF-checked writes.</summary>
[Collection(WebCollection.Name)]
public sealed class CookieSessionTests(WebPlatform platform)
{
    private const string Password = "browser-password-1";

    [Fact]
    public async Task Signing_in_sets_an_HttpOnly_SameSite_cookie_and_the_answer_carries_no_token()
    {
        var tenant = await platform.CreateTenantAsync("w");
        await WebPlatform.CreateUserAsync(tenant, "sup", Password, [Roles.Supervisor]);

        var (response, session) = await BrowserSession.SignInAsync(Plain(platform.Gateway), tenant.Slug, "sup", Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = session!.Cookie;
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, cookie.SameSite);
        Assert.Equal("/", cookie.Path.Value);
        Assert.NotNull(cookie.Expires);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(cookie.Value.Value!, text);                 // no script ever reads the token
        Assert.DoesNotContain("access_token", text);
        Assert.Equal("sup", session.Body.GetProperty("username").GetString());
        Assert.Equal([Roles.Supervisor], session.Body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!));
    }

    [Fact]
    public async Task The_cookie_is_Secure_with_the_Host_prefix_unless_on_the_development_machine_over_http()
    {
        var tenant = await platform.CreateTenantAsync("w");
        await WebPlatform.CreateUserAsync(tenant, "sup", Password, [Roles.Supervisor]);
        var production = await platform.StartGatewayAsync(new Dictionary<string, string?> { ["BrowserSession:SecureCookie"] = "true" });

        var (_, secure) = await BrowserSession.SignInAsync(Plain(production), tenant.Slug, "sup", Password);
        var (_, development) = await BrowserSession.SignInAsync(Plain(platform.Gateway), tenant.Slug, "sup", Password);

        Assert.True(secure!.Cookie.Secure);
        Assert.Equal("__Host-session", secure.Cookie.Name.Value);
        Assert.False(development!.Cookie.Secure);   // Development, http://localhost: documented in docs/web.md
        Assert.Equal("session", development.Cookie.Name.Value);
    }

    [Fact]
    public async Task A_wrong_password_is_the_token_operations_refusal_and_sets_no_cookie()
    {
        var tenant = await platform.CreateTenantAsync("w");

        var (response, session) = await BrowserSession.SignInAsync(Plain(platform.Gateway), tenant.Slug, "admin", "not-the-password");

        Assert.Null(session);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_cookie_reads_through_the_gateway_and_the_session_reads_back_after_a_reload()
    {
        var tenant = await platform.CreateTenantAsync("w");
        var gateway = Plain(platform.Gateway);
        var (_, session) = await BrowserSession.SignInAsync(gateway, tenant.Slug, "admin", tenant.Password);

        var projects = await gateway.SendAsync(session!.Request(HttpMethod.Get, "/api/clients/projects", csrf: false));
        var again = await gateway.SendAsync(session.Request(HttpMethod.Get, "/api/auth/session", csrf: false));
        var without = await gateway.GetAsync("/api/clients/projects");

        Assert.Equal(HttpStatusCode.OK, projects.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(session.CsrfToken, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrfToken").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
    }

    [Fact]
    public async Task A_write_by_cookie_needs_the_sessions_CSRF_token_and_the_sites_own_origin()
    {
        var tenant = await platform.CreateTenantAsync("w");
        var gateway = Plain(platform.Gateway);
        var (_, session) = await BrowserSession.SignInAsync(gateway, tenant.Slug, "admin", tenant.Password);
        var project = new { name = "From the browser", direction = "inbound", timeZone = "Europe/Budapest" };

        var missing = await gateway.SendAsync(session!.Request(HttpMethod.Post, "/api/clients/projects", project, csrf: false));
        var wrong = await gateway.SendAsync((session with { CsrfToken = session.CsrfToken[1..] + "A" }).Request(HttpMethod.Post, "/api/clients/projects", project));
        var foreign = await gateway.SendAsync(session.Request(HttpMethod.Post, "/api/clients/projects", project, origin: "https://evil.example"));
        var projectsBefore = await CountProjectsAsync(tenant.Admin);
        var right = await gateway.SendAsync(session.Request(HttpMethod.Post, "/api/clients/projects", project, origin: "http://localhost"));

        foreach (var refused in new[] { missing, wrong, foreign })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(0, projectsBefore);   // nothing was written by the refused ones
        Assert.Equal(HttpStatusCode.Created, right.StatusCode);
        Assert.Equal(1, await CountProjectsAsync(tenant.Admin));
    }

    [Fact]
    public async Task A_sign_in_posted_from_another_sites_page_is_refused_before_the_password_is_tried()
    {
        var tenant = await platform.CreateTenantAsync("w");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/session")
        {
            Content = JsonContent.Create(new { tenant = tenant.Slug, username = "admin", password = tenant.Password }),
        };
        request.Headers.Add("Origin", "https://evil.example");

        var response = await Plain(platform.Gateway).SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task One_sessions_CSRF_token_does_not_pass_for_another_session()
    {
        var tenant = await platform.CreateTenantAsync("w");
        var gateway = Plain(platform.Gateway);
        await WebPlatform.CreateUserAsync(tenant, "colleague", Password, [Roles.Admin]);
        var (_, mine) = await BrowserSession.SignInAsync(gateway, tenant.Slug, "admin", tenant.Password);
        var (_, theirs) = await BrowserSession.SignInAsync(gateway, tenant.Slug, "colleague", Password);

        var crossed = await gateway.SendAsync((mine! with { CsrfToken = theirs!.CsrfToken }).Request(HttpMethod.Post, "/api/clients/projects",
            new { name = "Crossed", direction = "inbound", timeZone = "Europe/Budapest" }));

        Assert.NotEqual(mine.CsrfToken, theirs.CsrfToken);
        Assert.Equal(HttpStatusCode.Forbidden, crossed.StatusCode);
    }

    [Fact]
    public async Task Signing_out_clears_the_cookie()
    {
        var tenant = await platform.CreateTenantAsync("w");
        var gateway = Plain(platform.Gateway);
        var (_, session) = await BrowserSession.SignInAsync(gateway, tenant.Slug, "admin", tenant.Password);

        var withoutToken = await gateway.SendAsync(session!.Request(HttpMethod.Delete, "/api/auth/session", csrf: false));
        var signedOut = await gateway.SendAsync(session.Request(HttpMethod.Delete, "/api/auth/session"));

        Assert.Equal(HttpStatusCode.Forbidden, withoutToken.StatusCode);   // nobody signs a browser out from another site
        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        var cleared = SetCookieHeaderValue.ParseList(signedOut.Headers.GetValues("Set-Cookie").ToList());
        Assert.All(cleared, c => Assert.True(c.Expires < DateTimeOffset.UtcNow));
        Assert.Contains(cleared, c => c.Name == session.Cookie.Name);
    }

    [Fact]
    public async Task API_clients_keep_their_bearer_tokens_and_need_no_CSRF_token()
    {
        var tenant = await platform.CreateTenantAsync("w");

        var created = await tenant.Admin.PostAsJsonAsync("/api/clients/projects", new { name = "By token", direction = "inbound", timeZone = "Europe/Prague" });
        var session = await tenant.Admin.GetAsync("/api/auth/session");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);   // describes the bearer token the same way
    }

    [Fact]
    public async Task The_wallboard_and_the_agents_push_channel_stream_to_a_cookie_as_the_browsers_EventSource_sends_it()
    {
        var tenant = await platform.CreateTenantAsync("w");
        await WebPlatform.CreateUserAsync(tenant, "sup", Password, [Roles.Supervisor]);
        await WebPlatform.CreateUserAsync(tenant, "agent", Password, [Roles.Agent]);
        var gateway = Plain(platform.Gateway);
        var (_, supervisor) = await BrowserSession.SignInAsync(gateway, tenant.Slug, "sup", Password);
        var (_, agent) = await BrowserSession.SignInAsync(gateway, tenant.Slug, "agent", Password);
        var agentUser = agent!.Body.GetProperty("userId").GetGuid();
        var agentId = await (await tenant.Admin.PostAsJsonAsync("/api/queue/agents", new { name = "Agent W", userId = agentUser, skills = Array.Empty<object>(), projectIds = Array.Empty<Guid>() }))
            .Content.ReadFromJsonAsync<JsonElement>() is var created ? created.GetProperty("id").GetGuid() : Guid.Empty;

        Assert.Equal("wallboard", await FirstEventAsync(gateway, supervisor!, "/api/reporting/live"));
        Assert.Equal("agent", await FirstEventAsync(gateway, agent, $"/api/queue/agents/{agentId}/events"));
    }

    private static async Task<string> FirstEventAsync(HttpClient gateway, BrowserSession session, string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var request = session.Request(HttpMethod.Get, path, csrf: false);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await gateway.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                return line["event: ".Length..];
            }
        }
        return "(the stream ended)";
    }

    /// <summary>A client that keeps no cookies of its own: each request carries exactly the session it is given.</summary>
    private static HttpClient Plain(WebApplicationFactory<GatewayService> gateway) =>
        gateway.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    private static async Task<int> CountProjectsAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/clients/projects")).GetArrayLength();
}
