using Microsoft.Extensions.Configuration;
using Platform.ServiceDefaults.Auth;
using Xunit;

namespace Platform.Gateway.Tests.Security;

public sealed class ProductionSecretsTests
{
    private static IReadOnlyList<string> ProblemsOf(params (string Key, string Value)[] settings) =>
        ProductionSecrets.Problems(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Theory]
    [InlineData("Jwt:SigningKey", "CHANGE-ME-to-a-random-64-character-key-0123456789abcdef0123456789")]
    [InlineData("Jwt:SigningKey", "change-me-lower-case-placeholder-that-is-long-enough-000000")]
    [InlineData("Jwt:SigningKey", JwtOptions.DevelopmentSigningKey)]
    [InlineData("Database:AppPassword", "CHANGE-ME")]
    [InlineData("Database:AppPassword", "dev-only-app-password-clients")]
    [InlineData("Metrics:ScrapeToken", "CHANGE-ME-scrape-token")]
    [InlineData("DEMO_PASSWORD", "demo")]
    [InlineData("ConnectionStrings:postgres", "Host=db;Username=platform;Password=CHANGE-ME-postgres")]
    [InlineData("ConnectionStrings:postgres", "Host=db;Username=postgres;Password=postgres")]
    [InlineData("ConnectionStrings:rabbitmq", "amqp://platform:CHANGE-ME-rabbit@rabbitmq:5672/")]
    [InlineData("ConnectionStrings:rabbitmq", "amqp://guest:guest@rabbitmq:5672/")]
    public void A_placeholder_or_development_secret_is_named_and_refused(string key, string value)
    {
        var problems = ProblemsOf((key, value));

        var problem = Assert.Single(problems);
        Assert.Contains(key, problem);
        Assert.DoesNotContain(value, problem); // the value itself is never printed
    }

    [Fact]
    public void Real_secrets_pass()
    {
        Assert.Empty(ProblemsOf(
            ("Jwt:SigningKey", "q7VJ0k3n2Zx9mYbW4rT8pLs1dHf6gCe5aNuKoIiEwRtQyUzXcVbMnAsDfGhJkL"),
            ("Database:AppPassword", "a-service-role-password-of-its-own"),
            ("ConnectionStrings:postgres", "Host=db;Username=owner;Password=the-owners-own-password"),
            ("ConnectionStrings:rabbitmq", "amqp://platform:a-broker-password@rabbitmq:5672/")));
    }

    [Fact]
    public void A_service_role_with_the_owners_password_is_refused()
    {
        var problems = ProblemsOf(
            ("Database:AppPassword", "the-owners-own-password"),
            ("ConnectionStrings:postgres", "Host=db;Username=owner;Password=the-owners-own-password"));

        Assert.Contains(problems, p => p.Contains("owner"));
    }
}
