using System.Net;
using System.Net.Http.Json;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Security;

/// <summary>A tenant with a project every service knows and a user besides its admin: the ids the sweeps aim at.</summary>
internal sealed record TenantWorld(TestTenant Tenant, Guid ProjectId, Guid UserId, Guid ContactId, Guid ImportId, Guid ComplaintId, Guid CompanyId)
{
    /// <summary>Ids reporting knows only from events (a queue with a call, an agent in a group, a walked script), and a day.</summary>
    public IReadOnlyDictionary<string, string> ReportingIds { get; init; } = new Dictionary<string, string>();

    /// <summary>Answers that change with the clock, not with the data: left out of snapshots.</summary>
    private static readonly HashSet<string> ClockDependent = ["MayCallContact", "ExportContact", "GetQueue", "GetStaffing", "StreamWallboard", "GetCampaignFigures", "GetCampaignContactsLeft"];

    /// <summary>The queue service's part: queues, a team, an agent, a waiting call.</summary>
    public QueueIds Queue { get; private init; } = null!;

    public sealed record QueueIds(Guid QueueId, Guid TransferQueueId, Guid GroupId, Guid AgentId, Guid CallId);

    public IReadOnlyDictionary<string, string> Ids => new Dictionary<string, string>
    {
        ["projectId"] = ProjectId.ToString(),
        ["userId"] = UserId.ToString(),
        ["contactId"] = ContactId.ToString(),
        ["importId"] = ImportId.ToString(),
        ["complaintId"] = ComplaintId.ToString(),
        ["companyId"] = CompanyId.ToString(),
        ["listId"] = SuppressionListId.ToString(),
        ["queueId"] = Queue.QueueId.ToString(),
        ["transferQueueId"] = Queue.TransferQueueId.ToString(),
        ["groupId"] = Queue.GroupId.ToString(),
        ["agentId"] = Queue.AgentId.ToString(),
        ["callId"] = Queue.CallId.ToString(),
    }.Concat(ReportingIds).Concat(Scripts?.Ids ?? new Dictionary<string, string>()).Concat(Campaigns?.Ids ?? new Dictionary<string, string>()).ToDictionary();

    /// <summary>The dialer's targets: a draft campaign, an attempt id (docs/dialer.md).</summary>
    public CampaignTargets? Campaigns { get; init; }

    /// <summary>A suppression list of the tenant's client company.</summary>
    public Guid SuppressionListId { get; init; }

    /// <summary>The scripts service's targets: a published script and an open session.</summary>
    public ScriptsTargets? Scripts { get; init; }

    public static async Task<TenantWorld> CreateAsync(PlatformUnderTest platform)
    {
        var tenant = await platform.CreateTenantAsync();
        var companyId = await (await tenant.Admin.PostAsync("/api/clients/companies", Samples.Content("CreateClientCompany"))).CreatedIdAsync();
        var projectId = await (await tenant.Admin.PostAsync("/api/clients/projects", Samples.Json(new
        {
            name = $"Project of {tenant.Slug}", direction = "inbound", timeZone = "Europe/Prague", clientCompanyId = companyId,
        }))).CreatedIdAsync();
        foreach (var path in new[] { $"/api/queue/projects/{projectId}/queues", $"/api/reporting/projects/{projectId}", $"/api/scripts/projects/{projectId}/scripts" })
        {
            await Eventually.HoldsAsync(async () => (await tenant.Admin.GetAsync(path)).StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(10), $"{path} of {tenant.Slug}");
        }
        // A PBX webhook needs a signing secret (409 without): the sweeps register one (Samples, RegisterPbxWebhook).
        (await tenant.Admin.PostAsJsonAsync("/api/queue/telephony/signing/secrets", new { previousValidHours = 24 })).EnsureSuccessStatusCode();
        var user = await tenant.Admin.PostAsJsonAsync("/api/users", new
        {
            username = "target", displayName = "Target user", password = "target-password-1", roles = new[] { "agent" },
        });
        var contact = await tenant.Admin.PostAsync($"/api/clients/projects/{projectId}/contacts", Samples.Json(Samples.Body("CreateContact")));
        var import = await tenant.Admin.PostAsync($"/api/clients/projects/{projectId}/imports", Samples.Content("StartImport"));
        var importId = await import.CreatedIdAsync();
        await Eventually.HoldsAsync(async () => (await (await tenant.Admin.GetAsync($"/api/clients/imports/{importId}")).JsonAsync())
            .GetProperty("status").GetString() == "done", TimeSpan.FromSeconds(15), "the sample import is done");
        var contactId = await contact.CreatedIdAsync();
        var userId = await user.CreatedIdAsync();
        var queue = await QueueIdsAsync(tenant, projectId, userId);
        var scripts = await ScriptsTargets.CreateAsync(tenant, projectId);
        var list = await tenant.Admin.PostAsync("/api/clients/suppression-lists",
            Samples.SuppressionList("Client's own list", $"phone\n{Samples.UniqueMobile()}\n", "client_company", companyId));
        list.EnsureSuccessStatusCode();
        return new TenantWorld(tenant, projectId, userId, contactId, importId, await OpenComplaintAsync(tenant, contactId), companyId)
        {
            SuppressionListId = (await list.JsonAsync()).GetProperty("list").GetProperty("id").GetGuid(),
            Queue = queue,
            Scripts = scripts,
            Campaigns = await CampaignTargets.CreateAsync(tenant, projectId, queue.AgentId),
            ReportingIds = await ReportingWorld.CreateAsync(platform, tenant, projectId, userId, queue, scripts.ScriptId),
        };
    }

    /// <summary>The project's default queue (no agent in it: calls wait), a specialist queue, a team, the target user's agent, a waiting call.</summary>
    private static async Task<QueueIds> QueueIdsAsync(TestTenant tenant, Guid projectId, Guid userId)
    {
        var queues = await (await tenant.Admin.GetAsync($"/api/queue/projects/{projectId}/queues")).JsonAsync();
        var queueId = queues[0].GetProperty("id").GetGuid();
        var transferQueueId = await (await tenant.Admin.PostAsJsonAsync($"/api/queue/projects/{projectId}/queues", new { name = "Specialists" })).CreatedIdAsync();
        var groupId = await (await tenant.Admin.PostAsJsonAsync("/api/queue/groups", new { name = "Team A" })).CreatedIdAsync();
        var agentId = await (await tenant.Admin.PostAsJsonAsync("/api/queue/agents",
            new { name = "Target agent", userId, groupId, projectIds = new[] { projectId } })).CreatedIdAsync();
        var callId = await CallAsync(tenant, queueId);
        return new QueueIds(queueId, transferQueueId, groupId, agentId, callId);
    }

    private static async Task<Guid> CallAsync(TestTenant tenant, Guid queueId)
    {
        var arrived = await tenant.Admin.PostAsJsonAsync("/api/queue/calls", new { callerNumber = Samples.UniqueMobile(), queueId });
        return (await arrived.JsonAsync()).GetProperty("callId").GetGuid();
    }

    /// <summary>A logged-out agent of the project, in no queue.</summary>
    private async Task<Guid> FreshAgentAsync() =>
        await (await Tenant.Admin.PostAsJsonAsync("/api/queue/agents", new { name = "Fresh agent", projectIds = new[] { ProjectId } })).CreatedIdAsync();

    /// <summary>A call offered to a fresh agent, alone in a fresh queue (nothing else waits there to be offered first).</summary>
    private async Task<(Guid CallId, Guid AgentId)> OfferedCallAsync()
    {
        var queueId = await (await Tenant.Admin.PostAsJsonAsync($"/api/queue/projects/{ProjectId}/queues",
            new { name = "Offers", wrapUpSeconds = 3600, offerTimeoutSeconds = 120 })).CreatedIdAsync();
        var agentId = await FreshAgentAsync();
        (await Tenant.Admin.PutAsJsonAsync($"/api/queue/queues/{queueId}/members", new[] { new { agentId, tier = 1 } })).EnsureSuccessStatusCode();
        (await Tenant.Admin.PutAsJsonAsync($"/api/queue/agents/{agentId}/state", new { state = "available" })).EnsureSuccessStatusCode();
        var callId = await CallAsync(Tenant, queueId);
        await Eventually.HoldsAsync(async () => (await (await Tenant.Admin.GetAsync($"/api/queue/calls/{callId}")).JsonAsync())
            .GetProperty("status").GetString() == "offered", TimeSpan.FromSeconds(10), "the fresh call is offered");
        return (callId, agentId);
    }

    /// <summary>A callback an agent took: the PBX dials the caller and reports how that went.</summary>
    private async Task<Guid> CallbackOnCallAsync()
    {
        var queueId = await (await Tenant.Admin.PostAsJsonAsync($"/api/queue/projects/{ProjectId}/queues",
            new { name = "Callbacks", wrapUpSeconds = 3600, offerTimeoutSeconds = 120 })).CreatedIdAsync();
        var callId = await CallAsync(Tenant, queueId);
        (await Tenant.Admin.PostAsJsonAsync($"/api/queue/calls/{callId}/callback", new { })).EnsureSuccessStatusCode();
        var agentId = await FreshAgentAsync();
        (await Tenant.Admin.PutAsJsonAsync($"/api/queue/queues/{queueId}/members", new[] { new { agentId, tier = 1 } })).EnsureSuccessStatusCode();
        (await Tenant.Admin.PutAsJsonAsync($"/api/queue/agents/{agentId}/state", new { state = "available" })).EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(async () => (await (await Tenant.Admin.GetAsync($"/api/queue/calls/{callId}")).JsonAsync())
            .GetProperty("status").GetString() == "offered", TimeSpan.FromSeconds(10), "the callback is offered");
        (await Tenant.Admin.PostAsJsonAsync($"/api/queue/calls/{callId}/accept", new { agentId })).EnsureSuccessStatusCode();
        return callId;
    }

    private async Task<(Guid CallId, Guid AgentId)> AnsweredCallAsync(bool hungUp)
    {
        var (callId, agentId) = await OfferedCallAsync();
        (await Tenant.Admin.PostAsJsonAsync($"/api/queue/calls/{callId}/accept", new { agentId })).EnsureSuccessStatusCode();
        if (hungUp)
        {
            (await Tenant.Admin.PostAsJsonAsync($"/api/queue/calls/{callId}/hangup", new { })).EnsureSuccessStatusCode();
        }
        return (callId, agentId);
    }

    private async Task<(Guid CallId, Guid AgentId)> HeldCallAsync()
    {
        var (callId, agentId) = await AnsweredCallAsync(hungUp: false);
        (await Tenant.Admin.PostAsync($"/api/queue/calls/{callId}/hold", null)).EnsureSuccessStatusCode();
        return (callId, agentId);
    }

    public static async Task<Guid> OpenComplaintAsync(TestTenant tenant, Guid contactId) =>
        await (await tenant.Admin.PostAsync($"/api/clients/contacts/{contactId}/complaints", Samples.Content("OpenComplaint"))).CreatedIdAsync();

    /// <summary>Ids for one call of an operation that uses up its target (an erasure, a resolution): a fresh one each time.</summary>
    /// <param name="actor">Who will call the operation, for targets that must be the caller's own (a script session).</param>
    public async Task<IReadOnlyDictionary<string, string>> IdsForAsync(string operationId, HttpClient? actor = null)
    {
        var ids = new Dictionary<string, string>(Ids);
        if (operationId is "EraseContact" or "OverrideContactStatus")
        {
            var fresh = await Tenant.Admin.PostAsync($"/api/clients/projects/{ProjectId}/contacts", Samples.Content("CreateContact"));
            ids["contactId"] = (await fresh.CreatedIdAsync()).ToString();
        }
        else if (operationId == "ResolveComplaint")
        {
            ids["complaintId"] = (await OpenComplaintAsync(Tenant, ContactId)).ToString();
        }
        else if (operationId == "ChangeAgentState")
        {
            ids["agentId"] = (await FreshAgentAsync()).ToString();
        }
        else if (operationId is "AbandonCall" or "RequestCallback")
        {
            ids["callId"] = (await CallAsync(Tenant, Queue.QueueId)).ToString();
        }
        else if (operationId == "ReportDevicePresence")
        {
            var device = $"{Random.Shared.Next(10_000, 99_999_999)}";
            (await Tenant.Admin.PutAsJsonAsync($"/api/queue/agents/{await FreshAgentAsync()}/device", new { extension = device })).EnsureSuccessStatusCode();
            ids["device"] = device;
        }
        else if (operationId == "ReportDialResult")
        {
            ids["callId"] = (await CallbackOnCallAsync()).ToString();
        }
        else if (operationId == "CancelCallback")
        {
            var callId = await CallAsync(Tenant, Queue.QueueId);
            (await Tenant.Admin.PostAsync($"/api/queue/calls/{callId}/callback", JsonContent.Create(new { }))).EnsureSuccessStatusCode();
            ids["callId"] = callId.ToString();
        }
        else if (operationId is "AcceptCall" or "DeclineCall" or "ReportRingResult" or "MonitorCall" or "HangUpCall" or "TransferCall" or "FinishWrapUp"
                 or "HoldCall" or "ResumeCall")
        {
            var (callId, agentId) = operationId switch
            {
                "AcceptCall" or "DeclineCall" or "ReportRingResult" => await OfferedCallAsync(),
                "FinishWrapUp" => await AnsweredCallAsync(hungUp: true),
                "ResumeCall" => await HeldCallAsync(),
                _ => await AnsweredCallAsync(hungUp: false),
            };
            (ids["callId"], ids["agentId"]) = (callId.ToString(), agentId.ToString());
        }
        else if (CampaignTargets.NeedsFresh(operationId) && Campaigns is not null)
        {
            foreach (var (key, value) in await Campaigns.FreshAsync(operationId, actor))
            {
                ids[key] = value;
            }
        }
        else if (ScriptsTargets.NeedsFreshSession(operationId))
        {
            ids["sessionId"] = (await ScriptsTargets.FreshSessionAsync(Tenant, ProjectId, actor, operationId)).ToString();
        }
        return ids;
    }

    /// <summary>What the tenant sees through every GET operation: equal before and after means nothing changed.</summary>
    public async Task<IReadOnlyList<string>> SnapshotAsync(IEnumerable<Operation> operations)
    {
        var views = new List<string>();
        foreach (var operation in operations.Where(o => o.Method == "GET" && !ClockDependent.Contains(o.OperationId) && !Access.Streaming.Contains(o.OperationId)))
        {
            var response = await Tenant.Admin.SweepAsync(operation.Request(Ids, null));
            views.Add($"{operation.OperationId} {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return views;
    }
}
