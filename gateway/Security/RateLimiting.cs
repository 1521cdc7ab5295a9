using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Gateway.Auth;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Http;

namespace Platform.Gateway.Security;

/// <summary>
/// Every signed-in request counts against its user and against its tenant (fixed one-minute windows), so one noisy
/// user or one call center cannot starve the others; sign-in and requests of nobody signed in count per client address.
/// Over the limit: 429
/// ProblemDetails with <c>Retry-After</c>.
/// </summary>
internal static class RateLimiting
{
    public static void AddGatewayRateLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PerClaim(PlatformClaims.TenantId, limits.PerTenantPerMinute, pbxPermits: null),
                PerClaim(PlatformClaims.Subject, limits.PerUserPerMinute, limits.PerPbxAccountPerMinute),
                PerAnonymousAddress(limits.AnonymousPerAddressPerMinute));
            options.AddPolicy(TokenApi.SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => Window(limits.SignInPerAddressPerMinute)));
            options.OnRejected = WriteTooManyRequests;
        });
    }

    /// <param name="pbxPermits">A PBX service account's own budget; null: its requests do not count in this partition.</param>
    private static PartitionedRateLimiter<HttpContext> PerClaim(string claim, int permitsPerMinute, int? pbxPermits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.User.FindFirstValue(claim) is not { } key ? RateLimitPartition.GetNoLimiter("anonymous") // counted per address by PerAnonymousAddress
            : !IsPbx(context.User) ? RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(permitsPerMinute))
            : pbxPermits is { } pbx ? RateLimitPartition.GetFixedWindowLimiter($"pbx:{key}", _ => Window(pbx))
            : RateLimitPartition.GetNoLimiter("pbx"));

    private static bool IsPbx(ClaimsPrincipal user) => user.IsInRole(Roles.Telephony) || user.HasClaim(PlatformClaims.Role, Roles.Telephony);

    /// <summary>Requests of nobody signed in count per client address (behind a proxy: the forwarded one, see ForwardedClients).</summary>
    private static PartitionedRateLimiter<HttpContext> PerAnonymousAddress(int permitsPerMinute) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.User.Identity?.IsAuthenticated == true || context.Request.Path.StartsWithSegments("/health")
                ? RateLimitPartition.GetNoLimiter("signed-in")
                : RateLimitPartition.GetFixedWindowLimiter($"anonymous:{context.Connection.RemoteIpAddress}", _ => Window(permitsPerMinute)));

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    private static async ValueTask WriteTooManyRequests(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.RetryAfter = seconds;
        await Problems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests.", $"Try again in {seconds} s.");
    }
}
