using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Platform.Testing;
using Xunit;

namespace Platform.ServiceDefaults.Tests.Http;

/// <summary>
/// A service made of the service defaults and two endpoints on real PostgreSQL: what a caller gets for text PostgreSQL
/// cannot store, and what readiness and the metrics say while a check is degraded.
/// </summary>
public sealed class AnswersTests : IAsyncLifetime
{
    private WebApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = servers.Postgres,
            ["Database:Name"] = "platform_answers_test",
            ["Metrics:Public"] = "true", // the gateway's appsettings.json lands in this folder too, and says otherwise
            ["Logging:LogLevel:Default"] = "None",
        });
        builder.AddServiceDefaults(new PlatformService("answers", typeof(AnswersTests).Assembly));
        HostLogs.Replace(builder.Logging); // its degraded check is logged on purpose: not on the console
        builder.Services.AddHealthChecks().AddCheck("consumers", () => HealthCheckResult.Degraded("one endpoint is not connected"), tags: ["ready"]);
        app = builder.Build();
        app.UseServiceDefaults();
        app.MapPost("/echo", async (Text body, NpgsqlDataSource db) =>
        {
            await using var connection = await db.OpenConnectionAsync();
            return Results.Ok(await connection.ExecuteScalarAsync<string>("SELECT @Value::text", new { body.Value }));
        }).AllowAnonymous();
        await app.StartAsync();
        client = app.GetTestClient();
    }

    private sealed record Text(string Value);

    [Fact]
    public async Task A_NUL_character_in_a_text_is_400_with_a_reason_not_500()
    {
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/echo", new Text("fine"))).StatusCode);

        var answer = await client.PostAsJsonAsync("/echo", new Text("bad\u0000text"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("NUL", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_degraded_check_makes_readiness_503_while_serving_stays_200_and_the_metrics_show_it()
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/serving")).StatusCode);

        // The health publisher runs every 5 s; the gauge reads 1 (degraded) for the check.
        await Eventually.HoldsAsync(async () => (await client.GetStringAsync("/metrics"))
                .Split('\n').Any(line => line.StartsWith("platform_health_status{", StringComparison.Ordinal) && line.Contains("check=\"consumers\"") && line.EndsWith(" 1", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), "platform_health_status{check=\"consumers\"} 1 at /metrics");
    }

    public async Task DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
