using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Auth;

/// <summary>How tokens are signed and checked. The gateway signs; the gateway and every service check.</summary>
public sealed class JwtOptions
{
    /// <summary>
    /// DEVELOPMENT ONLY. Used when no <c>Jwt:SigningKey</c> is configured; refused at start-up when the
    /// environment is Production. Real deployments set <c>Jwt__SigningKey</c> from a secret.
    /// </summary>
    public const string DevelopmentSigningKey = "dev-only-signing-key-do-not-use-in-production-0123456789";

    public string Issuer { get; set; } = "platform";
    public string Audience { get; set; } = "platform";
    public string SigningKey { get; set; } = DevelopmentSigningKey;
    public int TokenLifetimeMinutes { get; set; } = 60;

    /// <summary>
    /// The longest a token is accepted for, from its <c>iat</c>, whatever its <c>exp</c> says (a token minted with a long
    /// lifetime by a misconfigured or stolen issuer still dies then). Checked by the gateway and every service.
    /// </summary>
    public int MaxTokenLifetimeMinutes { get; set; } = 480;

    public SymmetricSecurityKey SecurityKey() => new(Encoding.UTF8.GetBytes(SigningKey));
}
