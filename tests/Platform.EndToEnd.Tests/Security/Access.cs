using Platform.ServiceDefaults.Auth;

namespace Platform.EndToEnd.Tests.Security;

/// <summary>Who may call each operation (shared/domain.md, "Who uses it"). Every operation of every OpenAPI document must be listed.</summary>
internal static class Access
{
    private static readonly string[] Staff = [Roles.Admin, Roles.Supervisor, Roles.Agent];
    private static readonly string[] Supervision = [Roles.Admin, Roles.Supervisor];
    private static readonly string[] Telephony = [Roles.Admin, Roles.Telephony];   // what the PBX reports of its lines

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
        ["CreateQueue"] = [Roles.Admin],
        ["GetQueue"] = Staff,
        ["ConfigureQueue"] = [Roles.Admin],
        ["ReplaceQueueMembers"] = Supervision,
        ["CreateGroup"] = Supervision,
        ["ListGroups"] = Staff,
        ["CreateAgent"] = Supervision,
        ["ListAgents"] = Staff,
        ["GetAgent"] = Staff,
        ["UpdateAgent"] = Supervision,
        ["ReplaceAgentSkills"] = Supervision,
        ["ReplaceAgentProjects"] = Supervision,
        // An agent changes their own state, watches their own push channel and handles the calls offered to them only
        // (the agent user here has no agent record: 403). CallFlowTests proves the agent's own way through.
        ["ChangeAgentState"] = Supervision,
        ["StreamAgentEvents"] = Supervision,
        ["ReportCallArrived"] = Telephony,
        // An agent reads only the calls offered to them, in their hands or handled by them (CallVisibilityTests).
        ["GetCall"] = [Roles.Admin, Roles.Supervisor, Roles.Telephony],
        ["AcceptCall"] = [Roles.Admin, Roles.Supervisor, Roles.Telephony],
        ["DeclineCall"] = [Roles.Admin, Roles.Supervisor, Roles.Telephony],
        ["CancelCallback"] = [Roles.Admin, Roles.Supervisor, Roles.Telephony],
        ["ReadPbxCommands"] = Telephony,
        ["AcknowledgePbxCommands"] = Telephony,
        ["ListLiveCalls"] = Telephony,
        ["ResynchronisePbx"] = Telephony,
        ["ReportDevicePresence"] = Telephony,
        ["ReportRingResult"] = Telephony,
        ["ReportDialResult"] = Telephony,
        ["MonitorCall"] = Supervision,
        ["SetAgentDevice"] = [Roles.Admin],
        ["GetPbxSigning"] = [Roles.Admin],
        ["RotatePbxSigningSecret"] = [Roles.Admin],
        ["RequirePbxSigning"] = [Roles.Admin],
        ["GetPbxWebhook"] = [Roles.Admin],
        ["RegisterPbxWebhook"] = [Roles.Admin],
        ["RemovePbxWebhook"] = [Roles.Admin],
        ["HangUpCall"] = [Roles.Admin, Roles.Supervisor, Roles.Telephony],
        ["FinishWrapUp"] = [Roles.Admin, Roles.Supervisor, Roles.Telephony],
        ["HoldCall"] = [Roles.Admin, Roles.Supervisor, Roles.Telephony],
        ["ResumeCall"] = [Roles.Admin, Roles.Supervisor, Roles.Telephony],
        ["TransferCall"] = [Roles.Admin, Roles.Supervisor, Roles.Telephony],
        ["AbandonCall"] = Telephony,
        ["RequestCallback"] = Telephony,
        ["ListProjectScripts"] = Staff,
        ["GetProjectSummary"] = [Roles.Admin, Roles.Supervisor, Roles.ClientViewer],
        ["GetProjectCalendar"] = Staff,
        ["ReplaceProjectCalendar"] = [Roles.Admin],
        ["ListDispositions"] = Staff,
        ["ReplaceDispositions"] = [Roles.Admin],
        ["CreateContact"] = Staff,
        ["SearchContacts"] = Staff,
        ["ExportContactSearch"] = Staff,
        ["GetContact"] = Staff,
        ["UpdateContact"] = Staff,
        ["GetContactHistory"] = Staff,
        ["RecordOutcome"] = Staff,
        ["RecordConsent"] = Staff,
        ["ListConsents"] = Staff,
        ["MayCallContact"] = Staff,
        ["ExportContact"] = [Roles.Admin, Roles.Supervisor],
        ["EraseContact"] = [Roles.Admin, Roles.Supervisor],
        ["OverrideContactStatus"] = [Roles.Admin, Roles.Supervisor],
        ["ListComplaints"] = Staff,
        ["OpenComplaint"] = Staff,
        ["ResolveComplaint"] = Staff,
        ["ListOrders"] = Staff,
        ["RecordOrder"] = Staff,
        ["StartImport"] = Staff,
        ["RecordDoNotCall"] = Staff,   // an agent takes the request on the line
        ["UploadSuppressionList"] = [Roles.Admin],
        ["ListSuppressionLists"] = Supervision,
        ["GetSuppressionList"] = Supervision,
        ["ListSuppressionMatches"] = Supervision,
        ["ListImports"] = Staff,
        ["GetImport"] = Staff,
        ["DownloadRejectedRows"] = Staff,
        ["GetRecyclingRules"] = Staff,
        ["ReplaceRecyclingRules"] = [Roles.Admin],
        ["GetCustomFields"] = Staff,
        ["ReplaceCustomFields"] = [Roles.Admin],
        ["GetDailyPlan"] = Staff,   // an agent their own; admins and supervisors anyone's (PlanTests)
        ["DrawDailyPlan"] = Staff,
        ["ListUsers"] = [Roles.Admin],
        ["CreateUser"] = [Roles.Admin],
        ["GetUser"] = [Roles.Admin],
        ["UpdateUser"] = [Roles.Admin],
        ["SetUserPassword"] = [Roles.Admin],
        // The browser's session: anyone signed in reads their own (from a bearer token too) and signs out.
        ["GetBrowserSession"] = [Roles.Admin, Roles.Supervisor, Roles.Agent, Roles.ClientViewer, Roles.Telephony],
        ["SignOutBrowser"] = [Roles.Admin, Roles.Supervisor, Roles.Agent, Roles.ClientViewer, Roles.Telephony],
        ["RenewBrowserSession"] = [],   // browser sessions only: a bearer token of any role is refused (403; Web.Tests SessionRenewalTests)
        ["GetQueueIntervals"] = [Roles.Admin, Roles.Supervisor, Roles.ClientViewer],  // a client viewer: queues of their projects
        ["GetScriptFunnel"] = [Roles.Admin, Roles.Supervisor, Roles.ClientViewer],
        ["GetQueueFlows"] = [Roles.Admin, Roles.Supervisor, Roles.ClientViewer],     // a client viewer: queues of their projects
        ["StreamWallboard"] = [Roles.Admin, Roles.Supervisor, Roles.ClientViewer],
        ["ListLiveAgents"] = [Roles.Admin, Roles.Supervisor],
        ["GetAgentDay"] = [Roles.Admin, Roles.Supervisor],
        ["GetGroupDay"] = [Roles.Admin, Roles.Supervisor],
        ["GetAgentReport"] = [Roles.Admin, Roles.Supervisor],
        ["GetOccupancy"] = [Roles.Admin, Roles.Supervisor],
        ["GetProjectIntervals"] = [Roles.Admin, Roles.Supervisor, Roles.ClientViewer],  // a client viewer: their own projects
        ["GetDispositionReport"] = [Roles.Admin, Roles.Supervisor, Roles.ClientViewer], // a client viewer: their projects, by interval only
        ["GetSatisfaction"] = [Roles.Admin, Roles.Supervisor, Roles.ClientViewer],      // a client viewer: their projects, by project or queue
        ["GetScorecard"] = [Roles.Admin, Roles.Supervisor],
        ["GetProjectBilling"] = [Roles.Admin, Roles.Supervisor, Roles.ClientViewer],    // a client viewer: their own projects
        ["GetCampaignReport"] = [Roles.Admin, Roles.Supervisor, Roles.ClientViewer], // a client viewer: their projects
        ["ListCallRecords"] = [Roles.Admin, Roles.Supervisor],       // callers' numbers: the call center's own people
        ["ListAbandonedCallers"] = [Roles.Admin, Roles.Supervisor],
        ["GetStaffing"] = [Roles.Admin, Roles.Supervisor],
        ["RebuildProjections"] = [Roles.Admin],
        ["ListParkedEvents"] = [Roles.Admin],
        ["ReplayParkedEvent"] = [Roles.Admin],
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
        // The dialer (docs/dialer.md): an agent sees the campaigns they work and their own previews only (CampaignTargets).
        ["CreateCampaign"] = [Roles.Admin],
        ["ListCampaigns"] = Staff,
        ["GetCampaign"] = Staff,
        ["UpdateCampaign"] = [Roles.Admin],
        ["StartCampaign"] = Supervision,
        ["PauseCampaign"] = Supervision,
        ["StopCampaign"] = Supervision,
        ["GetCampaignFigures"] = Staff,
        ["GetCampaignContactsLeft"] = Staff,
        ["NextPreview"] = Staff,
        ["GetCampaignDial"] = Staff,
        ["DialPreview"] = Staff,
        ["SkipPreview"] = Staff,
    };

    /// <summary>Operations that answer with a stream that stays open: never read to the end, never in a snapshot.</summary>
    public static readonly IReadOnlySet<string> Streaming = new HashSet<string> { "StreamAgentEvents" };

    /// <summary>Operations open to anyone: sign-in takes its tenant from the credentials, not from a token.</summary>
    public static readonly IReadOnlySet<string> Anonymous = new HashSet<string> { "IssueToken", "SignInBrowser" };
}
