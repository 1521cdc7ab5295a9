using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Queue.Calls;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Queue.Push;

/// <summary>
/// An agent's push channel (server-sent events, through the gateway): the agent's whole view first, then again on
/// every change — an offer with its screen pop, the call answered, wrap-up, a break. A heartbeat every 15 seconds
/// keeps proxies from closing a quiet stream. An agent opens their own; supervisors may watch anyone's.
/// </summary>
public static class AgentEventsApi
{
    public static RouteGroupBuilder MapAgentEventsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/queue/agents").WithTags("Agents").RequireAuthorization(Policies.Staff);
        group.MapGet("/{agentId:guid}/events", StreamAgentEvents).WithName("StreamAgentEvents").WithSummary("The agent's push channel (server-sent events): offers, call changes and state changes, live");
        return group;
    }

    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    private static async Task<Results<ServerSentEventsResult<string>, ProblemHttpResult>> StreamAgentEvents(
        Guid agentId, ClaimsPrincipal user, NpgsqlDataSource db, AgentChannel channel, HttpContext http, CancellationToken ct)
    {
        var tenantId = user.TenantId();
        await using (var session = await db.BeginTenantSessionAsync(tenantId, ct))
        {
            if (ActingAgent.ActsForSelfOnly(user) && await ActingAgent.OwnAgentAsync(session, user, ct) != agentId)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.", detail: "An agent opens their own channel only.");
            }
            if (await AgentView.ReadAsync(session, agentId, ct) is null)
            {
                return Problems.NotFound("Agent", agentId);
            }
        }
        http.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(StreamAsync(db, channel, tenantId, agentId, http.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        NpgsqlDataSource db, AgentChannel channel, Guid tenantId, Guid agentId, [EnumeratorCancellation] CancellationToken ct)
    {
        using var subscription = channel.Subscribe((tenantId, agentId)); // before the first read: no change falls between
        string? last = null;
        var sequence = 0L;
        while (!ct.IsCancellationRequested)
        {
            var view = await AgentView.ReadAsync(db, tenantId, agentId, ct);
            var json = view is null ? null : JsonSerializer.Serialize(view, JsonSerializerOptions.Web);
            if (json is null)
            {
                yield break; // the agent was removed
            }
            if (json != last)
            {
                last = json;
                yield return new SseItem<string>(json, "agent") { EventId = (++sequence).ToString() };
            }
            var nudged = await subscription.WaitAsync(Heartbeat, ct);
            if (!nudged && !ct.IsCancellationRequested)
            {
                yield return new SseItem<string>("{}", "heartbeat");
            }
        }
    }
}
