using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Platform.ServiceDefaults.Auth;

/// <summary>
/// In Production a service does not start on a secret anyone can read: the placeholders shipped in <c>k8s/</c> (values
/// starting with <c>CHANGE-ME</c>), the development defaults in this repository, the local servers' passwords, or its
/// database role sharing the owner's credentials. Start-up fails with the setting's name, never its value.
/// </summary>
public static class ProductionSecrets
{
    public const string PlaceholderPrefix = "CHANGE-ME";

    /// <summary>Both development defaults (<see cref="JwtOptions.DevelopmentSigningKey"/>, <see cref="Database.DatabaseOptions.DevelopmentAppPassword"/>) start so.</summary>
    private const string DevelopmentPrefix = "dev-only-";

    /// <summary>The local servers' and the demo's passwords (scripts/infra.sh, seed-demo).</summary>
    private static readonly string[] LocalPasswords = ["postgres", "guest", "demo"];

    /// <summary>The settings that hold secrets, by configuration key.</summary>
    private static readonly string[] SecretKeys = ["Jwt:SigningKey", "Database:AppPassword", "Database:SystemPassword", "Metrics:ScrapeToken", "DEMO_PASSWORD", "ADMIN_PASSWORD"];

    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        foreach (var key in SecretKeys)
        {
            if (configuration[key] is { } value && IsPublic(value))
            {
                problems.Add($"{key} is a placeholder or development value.");
            }
        }
        foreach (var name in new[] { "postgres", "rabbitmq" })
        {
            if (PasswordOf(configuration.GetConnectionString(name), name) is { } password && IsPublic(password))
            {
                problems.Add($"ConnectionStrings:{name} carries a placeholder or development password.");
            }
        }
        if (PasswordOf(configuration.GetConnectionString("postgres"), "postgres") is { } owner && configuration["Database:AppPassword"] == owner)
        {
            problems.Add("Database:AppPassword is the database owner's password; the service's role needs its own.");
        }
        return problems;
    }

    public static bool IsPublic(string value) =>
        value.StartsWith(PlaceholderPrefix, StringComparison.OrdinalIgnoreCase)
        || value.StartsWith(DevelopmentPrefix, StringComparison.Ordinal)
        || LocalPasswords.Contains(value);

    private static string? PasswordOf(string? connectionString, string kind)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return null;
        }
        if (kind == "rabbitmq")
        {
            return Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) && uri.UserInfo.Split(':') is [_, var secret]
                ? Uri.UnescapeDataString(secret) : null;
        }
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).Password;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
