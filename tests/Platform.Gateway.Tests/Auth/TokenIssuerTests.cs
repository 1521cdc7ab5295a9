using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Gateway.Auth;
using Platform.ServiceDefaults.Auth;
using Xunit;

namespace Platform.Gateway.Tests.Auth;

public sealed class TokenIssuerTests
{
    private static readonly JwtOptions Options = new() { SigningKey = new string('k', 48), TokenLifetimeMinutes = 15 };
    private static readonly SignedInUser Agent = new(Guid.NewGuid(), Guid.NewGuid(), "demo", "agent1", [Roles.Agent, Roles.Supervisor], []);

    private static TokenValidationParameters Validation(JwtOptions options) => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        IssuerSigningKey = options.SecurityKey(),
    };

    [Fact]
    public async Task A_token_names_the_user_the_tenant_and_every_role()
    {
        var (token, expiresIn) = new TokenIssuer(Options, TimeProvider.System).Issue(Agent);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Validation(Options));

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(15 * 60, expiresIn);
        Assert.Equal(Agent.TenantId.ToString(), result.Claims[PlatformClaims.TenantId]);
        Assert.Equal("demo", result.Claims[PlatformClaims.Tenant]);
        Assert.Equal(Agent.Id.ToString(), result.Claims[PlatformClaims.Subject]);
        Assert.Equal(["agent", "supervisor"], result.ClaimsIdentity.FindAll(PlatformClaims.Role).Select(c => c.Value).Order());
    }

    [Fact]
    public async Task A_client_viewers_token_names_their_projects()
    {
        Guid[] projects = [Guid.NewGuid(), Guid.NewGuid()];
        var viewer = new SignedInUser(Guid.NewGuid(), Guid.NewGuid(), "demo", "acme-viewer", [Roles.ClientViewer], projects);
        var (token, _) = new TokenIssuer(Options, TimeProvider.System).Issue(viewer);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Validation(Options));

        Assert.Equal(projects.Select(p => p.ToString()).Order(), result.ClaimsIdentity.FindAll(PlatformClaims.Project).Select(c => c.Value).Order());
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var (token, _) = new TokenIssuer(new JwtOptions { SigningKey = new string('x', 48) }, TimeProvider.System).Issue(Agent);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Validation(Options));

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task A_token_expires_after_its_lifetime()
    {
        var issuedAt = new FixedClock(DateTimeOffset.UtcNow.AddMinutes(-20));
        var (token, _) = new TokenIssuer(Options, issuedAt).Issue(Agent);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Validation(Options));

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(result.Exception);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
