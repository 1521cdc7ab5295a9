using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Auth;

internal static class AuthenticationExtensions
{
    public static void AddPlatformAuthentication(this WebApplicationBuilder builder)
    {
        var jwt = builder.Configuration.GetSection("Jwt").Get<JwtOptions>() ?? new JwtOptions();
        if (builder.Environment.IsProduction() && jwt.SigningKey == JwtOptions.DevelopmentSigningKey)
        {
            throw new InvalidOperationException("Jwt:SigningKey is the development default; set a real key (Jwt__SigningKey) in Production.");
        }
        if (jwt.MaxTokenLifetimeMinutes <= 0)
        {
            throw new InvalidOperationException("Jwt:MaxTokenLifetimeMinutes must be positive.");
        }
        if (jwt.SigningKey.Length < 32)
        {
            throw new InvalidOperationException("Jwt:SigningKey must be at least 32 characters.");
        }
        builder.Services.AddSingleton(jwt);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidAudience = jwt.Audience,
                    IssuerSigningKey = jwt.SecurityKey(),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = PlatformClaims.Name,
                    RoleClaimType = PlatformClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                options.Events = new JwtBearerEvents { OnTokenValidated = context => MaxTokenLifetime.Enforce(context, jwt) };
            });
        var authorization = builder.Services.AddAuthorizationBuilder()
            // Anything not marked otherwise needs a signed-in user of a tenant.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser().RequireClaim(PlatformClaims.TenantId).Build());
        foreach (var (name, roles) in Policies.RolesOf)
        {
            authorization.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireClaim(PlatformClaims.TenantId).RequireRole(roles));
        }
    }
}
