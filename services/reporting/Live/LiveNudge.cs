using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Live;

/// <summary>
/// "A tenant's figures changed": a NOTIFY in the projection's own transaction, so every replica hears it at commit and
/// the one holding a wallboard's stream reloads it. PostgreSQL folds repeats within one transaction into one.
/// </summary>
public static class LiveNudge
{
    public const string Channel = "reporting_live";

    public static Task SendAsync(TenantSession session, CancellationToken ct) =>
        session.ExecuteAsync($"SELECT pg_notify('{Channel}', @Tenant)", new { Tenant = session.TenantId.ToString() }, ct);
}
