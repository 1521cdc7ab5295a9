using System.Text.RegularExpressions;
using Platform.Gateway.Users;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;

namespace Platform.Gateway.Tenants;

/// <summary>
/// The operator's command that opens a real call center:
/// <c>ADMIN_PASSWORD=… Platform.Gateway create-tenant --slug acme --name "Acme Calls" [--admin admin]</c>. Migrates the
/// gateway's database, creates the tenant and its first admin, and refuses a slug that exists (it never resets an existing
/// admin's password). The password comes from the environment, not the command line, which other users of the machine see.
/// </summary>
public static partial class TenantCommand
{
    public const string Name = "create-tenant";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, string? adminPassword)
    {
        var slug = Option(args, "--slug");
        var name = Option(args, "--name");
        var admin = Option(args, "--admin") ?? "admin";
        var errors = new Dictionary<string, string[]>();
        if (slug is null || !Slug().IsMatch(slug))
        {
            errors["--slug"] = ["2 to 40 characters: lower-case letters, digits and '-', starting with a letter or digit."];
        }
        if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsControl))
        {
            errors["--name"] = ["Required, printable."];
        }
        UserRules.CheckUsername(admin, errors);
        UserRules.CheckPassword(adminPassword, errors);
        if (adminPassword is not null && ProductionSecrets.IsPublic(adminPassword))
        {
            errors["ADMIN_PASSWORD"] = ["A placeholder or development password."];
        }
        if (errors.Count > 0)
        {
            foreach (var (field, messages) in errors)
            {
                await Console.Error.WriteLineAsync($"{(field == "password" ? "ADMIN_PASSWORD" : field)}: {string.Join(" ", messages)}");
            }
            await Console.Error.WriteLineAsync("usage: ADMIN_PASSWORD=... create-tenant --slug <slug> --name <name> [--admin <username>]");
            return 2;
        }
        var ct = CancellationToken.None;
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        var provisioning = services.GetRequiredService<TenantProvisioning>();
        var tenantId = await provisioning.CreateTenantAsync(slug!, name!.Trim(), ct);
        if (tenantId is null)
        {
            await Console.Error.WriteLineAsync($"A tenant '{slug}' exists already; nothing was changed.");
            return 1;
        }
        await provisioning.EnsureUserAsync(tenantId.Value, admin, $"{name.Trim()} admin", adminPassword!, [Roles.Admin], ct);
        Console.WriteLine($"Created tenant {slug} ({tenantId}) and its admin '{admin}'.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex Slug();
}
