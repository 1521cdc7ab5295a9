namespace Platform.ServiceDefaults.Auth;

/// <summary>Claim names in the platform's tokens (short JWT names, inbound claim mapping off).</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string TenantId = "tenant_id";
    public const string Tenant = "tenant";
    public const string Role = "role";

    /// <summary>The version of the user's sign-in rights the token was issued at (revocation: the gateway refuses older ones).</summary>
    public const string TokenVersion = "ver";

    /// <summary>A project a client viewer may read the reports of (one claim per project).</summary>
    public const string Project = "project";
}
