namespace Platform.ServiceDefaults.Auth;

/// <summary>
/// Who may do what, by role (shared/domain.md, "Who uses it"). Every route group names one of these; a signed-in
/// user without the role gets 403. A client viewer is further limited to their own projects by the handlers.
/// </summary>
public static class Policies
{
    /// <summary>The call center's set-up: projects, queues, scripts, users.</summary>
    public const string Admin = "admin";

    /// <summary>Groups, live view, coaching: admins and supervisors.</summary>
    public const string Supervision = "supervision";

    /// <summary>The call center's own people at work: admins, supervisors and agents (not client viewers).</summary>
    public const string Staff = "staff";

    /// <summary>Reports: admins, supervisors, and client viewers for the projects named in their account.</summary>
    public const string Reports = "reports";

    /// <summary>The telephony side of a call (it arrived, the caller hung up or asked for a callback): the PBX integration, and admins.</summary>
    public const string Telephony = "telephony";

    /// <summary>Everything the queue service does: the call center's own people and the PBX integration (never client viewers).</summary>
    public const string CallHandling = "call-handling";

    /// <summary>Anyone signed in to a tenant (the routes at the gateway whose service decides further).</summary>
    public const string TenantUser = "tenant-user";

    internal static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>
    {
        [Admin] = [Roles.Admin],
        [Supervision] = [Roles.Admin, Roles.Supervisor],
        [Staff] = [Roles.Admin, Roles.Supervisor, Roles.Agent],
        [Telephony] = [Roles.Admin, Roles.Telephony],
        [CallHandling] = [Roles.Admin, Roles.Supervisor, Roles.Agent, Roles.Telephony],
        [Reports] = [Roles.Admin, Roles.Supervisor, Roles.ClientViewer],
        [TenantUser] = [Roles.Admin, Roles.Supervisor, Roles.Agent, Roles.ClientViewer, Roles.Telephony],
    };
}
