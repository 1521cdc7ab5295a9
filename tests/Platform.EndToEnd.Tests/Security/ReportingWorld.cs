using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Scripts;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Security;

/// <summary>
/// What reporting must have seen for its operations to have targets: a call in the project's queue (abandoned, so
/// nothing waits and changes with the clock), an agent of the target user in a group, a walked script session
/// (published on the bus, as the scripts service will), and today's date.
/// </summary>
internal static class ReportingWorld
{
    public static async Task<Dictionary<string, string>> CreateAsync(PlatformUnderTest platform, TestTenant tenant, Guid projectId, Guid userId)
    {
        var queueId = (await (await tenant.Admin.GetAsync($"/api/queue/projects/{projectId}/queues")).JsonAsync())[0].GetProperty("id").GetGuid();
        var pbx = await platform.CreateUserAsync(tenant, [Roles.Telephony]);
        var call = await (await pbx.PostAsJsonAsync("/api/queue/calls", new { callerNumber = "+420601123456", queueId })).JsonAsync();
        (await pbx.PostAsJsonAsync($"/api/queue/calls/{call.GetProperty("callId").GetGuid()}/abandon", new { })).EnsureSuccessStatusCode();
        var groupId = await (await tenant.Admin.PostAsJsonAsync("/api/queue/groups", new { name = "Sweep team" })).CreatedIdAsync();
        var agentId = await (await tenant.Admin.PostAsJsonAsync("/api/queue/agents",
            new { name = "Sweep agent", userId, groupId, skills = Array.Empty<object>(), projectIds = new[] { projectId } })).CreatedIdAsync();
        var scriptId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await platform.Reporting.Services.GetRequiredService<IBus>().Publish(new ScriptSessionCompleted(
            tenant.Id, Guid.NewGuid(), scriptId, 1, projectId, null, null, userId, [], [new ScriptPathStep("greet", 5)], null, "completed",
            now.AddMinutes(-1), now), context => context.MessageId = NewId.NextGuid());
        var ids = new Dictionary<string, string>
        {
            ["queueId"] = queueId.ToString(), ["agentId"] = agentId.ToString(), ["groupId"] = groupId.ToString(),
            ["scriptId"] = scriptId.ToString(), ["date"] = now.ToString("yyyy-MM-dd"),
        };
        foreach (var path in new[]
        {
            $"/api/reporting/queues/{queueId}/intervals", $"/api/reporting/agents/{agentId}/days/{ids["date"]}",
            $"/api/reporting/groups/{groupId}/days/{ids["date"]}", $"/api/reporting/scripts/{scriptId}/funnel",
        })
        {
            await Eventually.HoldsAsync(async () => (await tenant.Admin.GetAsync(path)).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(10),
                $"{path} of {tenant.Slug}");
        }
        return ids;
    }
}
