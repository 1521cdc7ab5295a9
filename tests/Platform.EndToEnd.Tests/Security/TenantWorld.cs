using System.Net;
using System.Net.Http.Json;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Security;

/// <summary>A tenant with a project every service knows and a user besides its admin: the ids the sweeps aim at.</summary>
internal sealed record TenantWorld(TestTenant Tenant, Guid ProjectId, Guid UserId, Guid ContactId, Guid ImportId, Guid ComplaintId, Guid CompanyId)
{
    /// <summary>Answers that change with the clock, not with the data: left out of snapshots.</summary>
    private static readonly HashSet<string> ClockDependent = ["MayCallContact", "ExportContact"];

    public IReadOnlyDictionary<string, string> Ids => new Dictionary<string, string>
    {
        ["projectId"] = ProjectId.ToString(),
        ["userId"] = UserId.ToString(),
        ["contactId"] = ContactId.ToString(),
        ["importId"] = ImportId.ToString(),
        ["complaintId"] = ComplaintId.ToString(),
        ["companyId"] = CompanyId.ToString(),
    }.Concat(Scripts?.Ids ?? new Dictionary<string, string>()).ToDictionary();

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
        return new TenantWorld(tenant, projectId, await user.CreatedIdAsync(), contactId, importId, await OpenComplaintAsync(tenant, contactId), companyId)
        {
            Scripts = await ScriptsTargets.CreateAsync(tenant, projectId),
        };
    }

    public static async Task<Guid> OpenComplaintAsync(TestTenant tenant, Guid contactId) =>
        await (await tenant.Admin.PostAsync($"/api/clients/contacts/{contactId}/complaints", Samples.Content("OpenComplaint"))).CreatedIdAsync();

    /// <summary>Ids for one call of an operation that uses up its target (an erasure, a resolution): a fresh one each time.</summary>
    /// <param name="actor">Who will call the operation, for targets that must be the caller's own (a script session).</param>
    public async Task<IReadOnlyDictionary<string, string>> IdsForAsync(string operationId, HttpClient? actor = null)
    {
        var ids = new Dictionary<string, string>(Ids);
        if (operationId == "EraseContact")
        {
            var fresh = await Tenant.Admin.PostAsync($"/api/clients/projects/{ProjectId}/contacts", Samples.Content("CreateContact"));
            ids["contactId"] = (await fresh.CreatedIdAsync()).ToString();
        }
        else if (operationId == "ResolveComplaint")
        {
            ids["complaintId"] = (await OpenComplaintAsync(Tenant, ContactId)).ToString();
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
        foreach (var operation in operations.Where(o => o.Method == "GET" && !ClockDependent.Contains(o.OperationId)))
        {
            var response = await Tenant.Admin.SendAsync(operation.Request(Ids, null));
            views.Add($"{operation.OperationId} {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return views;
    }
}
