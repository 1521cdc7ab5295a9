using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Auth;

namespace Platform.Gateway.Auth;

/// <summary>Signs the platform's access tokens: who (sub, name), which call center (tenant_id, tenant), which roles,
/// and for a client viewer which projects.</summary>
public sealed class TokenIssuer(JwtOptions options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler handler = new();

    public (string Token, int ExpiresInSeconds) Issue(SignedInUser user)
    {
        var claims = new List<Claim>
        {
            new(PlatformClaims.Subject, user.Id.ToString()),
            new(PlatformClaims.Name, user.Username),
            new(PlatformClaims.TenantId, user.TenantId.ToString()),
            new(PlatformClaims.Tenant, user.TenantSlug),
            new(PlatformClaims.TokenVersion, user.TokenVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(user.Roles.Select(role => new Claim(PlatformClaims.Role, role)));
        claims.AddRange(user.ProjectIds.Select(project => new Claim(PlatformClaims.Project, project.ToString())));
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(Math.Min(options.TokenLifetimeMinutes, options.MaxTokenLifetimeMinutes));
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(options.SecurityKey(), SecurityAlgorithms.HmacSha256),
        });
        return (token, (int)lifetime.TotalSeconds);
    }
}

/// <param name="ProjectIds">For a client viewer: the projects whose reports they may read.</param>
/// <param name="TokenVersion">The user's <c>token_version</c> when signed in: a token of an older version is refused at the gateway.</param>
public sealed record SignedInUser(Guid Id, Guid TenantId, string TenantSlug, string Username, string[] Roles, Guid[] ProjectIds, int TokenVersion = 0);
