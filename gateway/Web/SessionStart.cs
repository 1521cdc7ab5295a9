using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Platform.ServiceDefaults.Auth;

namespace Platform.Gateway.Web;

/// <summary>
/// When a browser session began (its sign-in with a password), kept beside the session cookie in a cookie of its own, sealed
/// with an HMAC under a key derived from the signing key (the gateway stays stateless): a renewal keeps it, so the session's
/// hard maximum (<see cref="BrowserSessionOptions.MaxSessionMinutes"/>) counts from the sign-in, however often it slid. A
/// missing or altered value renews nothing: the browser signs in again.
/// </summary>
public sealed class SessionStart(JwtOptions jwt)
{
    private readonly byte[] key = SHA256.HashData(Encoding.UTF8.GetBytes("session-start:" + jwt.SigningKey));

    public string Seal(Guid tenantId, Guid userId, DateTimeOffset startedAt)
    {
        var seconds = startedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{seconds}.{Mac(tenantId, userId, seconds)}";
    }

    /// <summary>The start the value was sealed with for this user, or null when it is not one this gateway sealed for them.</summary>
    public DateTimeOffset? Open(string? value, Guid tenantId, Guid userId)
    {
        var dot = value?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0 || !long.TryParse(value![..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }
        var expected = Encoding.ASCII.GetBytes(Mac(tenantId, userId, value[..dot]));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(value[(dot + 1)..]))
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }

    private string Mac(Guid tenantId, Guid userId, string seconds) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{tenantId}/{userId}/{seconds}")));
}
