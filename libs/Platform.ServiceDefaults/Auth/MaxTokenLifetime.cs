using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Platform.ServiceDefaults.Auth;

/// <summary>
/// A token is refused <see cref="JwtOptions.MaxTokenLifetimeMinutes"/> after it was issued (<c>iat</c>), whatever its
/// <c>exp</c> says, and a token without <c>iat</c> or that claims to last longer than that is refused outright.
/// </summary>
public static class MaxTokenLifetime
{
    public static bool Allows(DateTime issuedAt, DateTime validTo, DateTime now, TimeSpan max, TimeSpan skew) =>
        issuedAt != DateTime.MinValue
        && validTo - issuedAt <= max
        && issuedAt <= now + skew
        && now - issuedAt <= max + skew;

    internal static Task Enforce(TokenValidatedContext context, JwtOptions options)
    {
        var now = (context.HttpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        if (context.SecurityToken is not JsonWebToken token
            || !Allows(token.IssuedAt, token.ValidTo, now, TimeSpan.FromMinutes(options.MaxTokenLifetimeMinutes), TimeSpan.FromSeconds(30)))
        {
            context.Fail($"The token is older than, or claims to last longer than, the {options.MaxTokenLifetimeMinutes} minutes a token may live.");
        }
        return Task.CompletedTask;
    }
}
