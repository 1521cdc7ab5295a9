namespace Platform.ServiceDefaults.Auth;

/// <summary>The people who use the platform (shared/domain.md, "Who uses it").</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Supervisor = "supervisor";
    public const string Agent = "agent";
    public const string ClientViewer = "client_viewer";

    /// <summary>A PBX integration's service account: reports arriving calls and what callers do on the line.</summary>
    public const string Telephony = "telephony";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Admin, Supervisor, Agent, ClientViewer, Telephony };
}
