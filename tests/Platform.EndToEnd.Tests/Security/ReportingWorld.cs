using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Queue;
using Platform.Contracts.Scripts;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Security;

/// <summary>
/// What reporting must have seen for its operations to have targets: the world's queue with its call, the target
/// user's agent in its group (from the queue service's events), a walked script session (published on the bus, as
/// the scripts service does), an event parked for the admin's replay, and today's date.
/// </summary>
internal static class ReportingWorld
{
    public static async Task<Dictionary<string, string>> CreateAsync(
        PlatformUnderTest platform, TestTenant tenant, Guid projectId, Guid userId, TenantWorld.QueueIds queue, Guid scriptId)
    {
        var (queueId, agentId, groupId) = (queue.QueueId, queue.AgentId, queue.GroupId);
        var now = DateTimeOffset.UtcNow;
        await platform.Reporting.Services.GetRequiredService<IBus>().Publish(new ScriptSessionCompleted(
            tenant.Id, Guid.NewGuid(), scriptId, 1, projectId, null, null, userId, [], [new ScriptPathStep("greet", 5)], null, "completed",
            now.AddMinutes(-1), now), context => context.MessageId = NewId.NextGuid());
        // An event parked by a fault since fixed, written as the consumer parks one: the admin's replay counts it.
        var parkedId = NewId.NextGuid();
        await using (var db = platform.Database("reporting"))
        {
            await db.ExecuteAsync("""
                INSERT INTO parked_events (tenant_id, message_id, message_type, body, error) VALUES (@Tenant, @Id, @Type, CAST(@Body AS jsonb), 'a fault since fixed')
                """, new
            {
                Tenant = tenant.Id, Id = parkedId, Type = typeof(AgentChanged).FullName,
                Body = JsonSerializer.Serialize(new AgentChanged(tenant.Id, Guid.NewGuid(), null, "Parked agent", null, now), JsonSerializerOptions.Web),
            });
        }
        var ids = new Dictionary<string, string> { ["date"] = now.ToString("yyyy-MM-dd"), ["messageId"] = parkedId.ToString() };
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
