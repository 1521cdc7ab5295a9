using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Npgsql;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Gateway.Auth;

/// <summary>
/// Revocation at the gateway, for every signed-in request whatever signed it in (a bearer token, a browser session): the
/// user must still exist, not be disabled, and the request's <c>ver</c> claim (0 when absent) must be the user's current
/// <c>token_version</c>, which disabling, a change of roles or projects, and a password reset raise. Each user's row is read
/// at most every <see cref="RevocationOptions.CheckSeconds"/> (so access ends that many seconds after the change, on every
/// gateway replica). While the gateway's database is away, a row read in the last <see cref="RevocationOptions.StaleSeconds"/>
/// still counts; older, the request gets 503.
/// </summary>
public sealed class TokenRevocation(NpgsqlDataSource db, TimeProvider clock, RevocationOptions options)
{
    private readonly ConcurrentDictionary<(Guid Tenant, Guid User), Entry> known = new();

    private sealed record Entry(int? Version, DateTimeOffset ReadAt);

    /// <summary>The user's current version, or null when they no longer may sign in (disabled or gone).</summary>
    public async Task<int?> CurrentVersionAsync(Guid tenantId, Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (known.TryGetValue((tenantId, userId), out var entry) && now - entry.ReadAt < TimeSpan.FromSeconds(options.CheckSeconds))
        {
            return entry.Version;
        }
        try
        {
            await using var session = await db.BeginTenantSessionAsync(tenantId, ct);
            var version = await session.QuerySingleOrDefaultAsync<int?>(
                "SELECT token_version FROM users WHERE tenant_id = @tenantId AND id = @userId AND disabled_at IS NULL", new { tenantId, userId }, ct);
            known[(tenantId, userId)] = new Entry(version, now);
            return version;
        }
        catch (Exception exception) when (DatabaseOutage.Is(exception) && entry is not null && now - entry.ReadAt < TimeSpan.FromSeconds(options.StaleSeconds))
        {
            return entry.Version;
        }
    }

    public static bool IsCurrent(ClaimsPrincipal user, int? currentVersion) =>
        currentVersion is { } current
        && (int.TryParse(user.FindFirstValue(PlatformClaims.TokenVersion), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version : 0) == current;
}

public sealed class RevocationOptions
{
    /// <summary>How often a user's rights are read again: the longest a revoked sign-in still works.</summary>
    public int CheckSeconds { get; set; } = 2;

    /// <summary>How long a read stays good enough while the gateway's database does not answer.</summary>
    public int StaleSeconds { get; set; } = 300;
}

internal static class TokenRevocationMiddleware
{
    public static void AddTokenRevocation(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection("Auth:Revocation").Get<RevocationOptions>() ?? new RevocationOptions());
        builder.Services.AddSingleton<TokenRevocation>();
    }

    /// <summary>After authentication and authorization, before any endpoint (the proxy included) runs.</summary>
    public static void UseTokenRevocation(this WebApplication app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && Guid.TryParse(user.FindFirstValue(PlatformClaims.TenantId), out var tenantId)
            && Guid.TryParse(user.FindFirstValue(PlatformClaims.Subject), out var userId))
        {
            var revocation = context.RequestServices.GetRequiredService<TokenRevocation>();
            if (!TokenRevocation.IsCurrent(user, await revocation.CurrentVersionAsync(tenantId, userId, context.RequestAborted)))
            {
                await Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "The sign-in was revoked.",
                    "The account was disabled or its rights or password changed since this sign-in; sign in again.");
                return;
            }
        }
        await next(context);
    });
}
