using Platform.ServiceDefaults.Auth;

namespace Platform.EndToEnd.Tests.Security;

/// <summary>Who may call each operation (shared/domain.md, "Who uses it"). Every operation of every OpenAPI document must be listed.</summary>
internal static class Access
{
    private static readonly string[] Staff = [Roles.Admin, Roles.Supervisor, Roles.Agent];

    public static readonly IReadOnlyDictionary<string, string[]> AllowedRoles = new Dictionary<string, string[]>
    {
        ["CreateProject"] = [Roles.Admin],
        ["ListProjects"] = Staff,
        ["GetProject"] = Staff,
        ["UpdateProject"] = [Roles.Admin],
        ["CreateClientCompany"] = [Roles.Admin],
        ["ListClientCompanies"] = Staff,     // the call center's clients: never a client viewer's to see
        ["GetClientCompany"] = Staff,
        ["RenameClientCompany"] = [Roles.Admin],
        ["ListProjectQueues"] = Staff,
        ["ListProjectScripts"] = Staff,
        ["GetProjectSummary"] = [Roles.Admin, Roles.Supervisor, Roles.ClientViewer],
        ["GetProjectCalendar"] = Staff,
        ["ReplaceProjectCalendar"] = [Roles.Admin],
        ["ListDispositions"] = Staff,
        ["ReplaceDispositions"] = [Roles.Admin],
        ["CreateContact"] = Staff,
        ["SearchContacts"] = Staff,
        ["GetContact"] = Staff,
        ["UpdateContact"] = Staff,
        ["GetContactHistory"] = Staff,
        ["RecordOutcome"] = Staff,
        ["RecordConsent"] = Staff,
        ["ListConsents"] = Staff,
        ["MayCallContact"] = Staff,
        ["ExportContact"] = [Roles.Admin, Roles.Supervisor],
        ["EraseContact"] = [Roles.Admin, Roles.Supervisor],
        ["ListComplaints"] = Staff,
        ["OpenComplaint"] = Staff,
        ["ResolveComplaint"] = Staff,
        ["ListOrders"] = Staff,
        ["RecordOrder"] = Staff,
        ["StartImport"] = Staff,
        ["GetImport"] = Staff,
        ["GetDailyPlan"] = Staff,   // an agent their own; admins and supervisors anyone's (PlanTests)
        ["DrawDailyPlan"] = Staff,
        ["ListUsers"] = [Roles.Admin],
        ["CreateUser"] = [Roles.Admin],
        ["GetUser"] = [Roles.Admin],
        ["UpdateUser"] = [Roles.Admin],
        ["SetUserPassword"] = [Roles.Admin],
        ["CreateScript"] = [Roles.Admin, Roles.Supervisor],
        ["ImportScript"] = [Roles.Admin, Roles.Supervisor],
        ["GetActiveScript"] = Staff,   // what agents walk
        ["GetScript"] = Staff,
        ["UpdateScript"] = [Roles.Admin, Roles.Supervisor],
        ["CopyScript"] = [Roles.Admin, Roles.Supervisor],
        ["ExportScript"] = Staff,
        ["ValidateScript"] = [Roles.Admin, Roles.Supervisor],
        ["PublishScript"] = [Roles.Admin, Roles.Supervisor],
        ["ListScriptVersions"] = Staff,
        ["GetScriptVersion"] = Staff,
        ["StartSession"] = Staff,
        ["ListSessions"] = Staff,      // an agent their own; admins and supervisors all (SessionWalkTests)
        ["GetSession"] = Staff,        // likewise: another agent's session is 404 to an agent
        ["AnswerStep"] = Staff,
        ["GoBack"] = Staff,
        ["JumpToStep"] = Staff,
        ["CompleteSession"] = Staff,
    };

    /// <summary>Operations open to anyone: sign-in takes its tenant from the credentials, not from a token.</summary>
    public static readonly IReadOnlySet<string> Anonymous = new HashSet<string> { "IssueToken" };
}
