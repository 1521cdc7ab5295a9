using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Contracts.Queue;
using Platform.Queue.Agents;
using Platform.Queue.Calls;
using Platform.Queue.Dispatch;
using Platform.Queue.Routing;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Queue.Telephony;

/// <summary>
/// Resynchronisation after a PBX or queue-service restart: the PBX lists the calls the platform believes are live (waiting,
/// ringing, on a call; callbacks are not on the line and are not listed), and sends the PBX ids of the calls it really has.
/// Every listed call the PBX does not have is settled with a reason: a waiting or ringing one is abandoned (its offers taken
/// back), one on a call ends its talk and its agent goes to wrap-up. The answer also names the PBX's calls the platform
/// does not know (the PBX reports them as arrivals, or ends them).
/// </summary>
public static class LiveCalls
{
    public const string LostReason = "the PBX no longer has the call (resynchronisation)";

    public sealed record LiveCall(Guid CallId, string? ExternalId, string Status, Guid QueueId, Guid? AgentId, DateTime ArrivedAt);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record ResyncRequest(string[]? LiveExternalIds);

    public sealed record ResyncResponse(Guid[] Settled, string[] UnknownToPlatform);

    private const string LiveSql = """
        SELECT id AS call_id, external_id, status, queue_id, agent_id, arrived_at FROM calls
        WHERE tenant_id = @TenantId AND status IN ('waiting', 'offered', 'on_call') AND callback_number IS NULL
        ORDER BY arrived_at
        """;

    public static async Task<Ok<LiveCall[]>> ListLiveCalls(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var calls = (await session.QueryAsync<LiveCall>(LiveSql, new { session.TenantId }, ct)).ToArray();
        await session.CommitAsync(ct);
        return TypedResults.Ok(calls);
    }

    public static async Task<Results<Ok<ResyncResponse>, ValidationProblem>> Resynchronise(
        ResyncRequest request, ClaimsPrincipal user, NpgsqlDataSource db, Dispatcher dispatcher, TimeProvider clock, CancellationToken ct)
    {
        if (request.LiveExternalIds is not { Length: <= 100_000 } live || live.Any(id => id is null or { Length: 0 or > 100 } || id.Any(char.IsControl)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["liveExternalIds"] = ["The PBX ids of the calls it has, 1 to 100 printable characters each (at most 100,000; [] for none)."] },
                title: "The calls cannot be resynchronised.");
        }
        var have = live.ToHashSet(StringComparer.Ordinal);
        List<LiveCall> known;
        await using (var session = await db.BeginTenantSessionAsync(user.TenantId(), ct))
        {
            known = (await session.QueryAsync<LiveCall>(LiveSql, new { session.TenantId }, ct)).ToList();
            await session.CommitAsync(ct);
        }
        var settled = new List<Guid>();
        foreach (var call in known.Where(c => c.ExternalId is null || !have.Contains(c.ExternalId)))
        {
            if (await SettleAsync(db, dispatcher, user.TenantId(), call.CallId, LostReason, clock.GetUtcNowAsStored(), ct))
            {
                settled.Add(call.CallId);
            }
        }
        var knownIds = known.Select(c => c.ExternalId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return TypedResults.Ok(new ResyncResponse([.. settled], live.Where(id => !knownIds.Contains(id)).Distinct().ToArray()));
    }

    /// <summary>Ends a call the PBX does not have any more (resynchronisation, or no report for too long). False when it was not live any more.</summary>
    public static async Task<bool> SettleAsync(NpgsqlDataSource db, Dispatcher dispatcher, Guid tenantId, Guid callId, string reason, DateTimeOffset now, CancellationToken ct)
    {
        List<Guid> freed = [];
        await using (var session = await db.BeginTenantSessionAsync(tenantId, ct))
        {
            var call = await LockedCall.LockAsync(session, callId, ct);
            if (call is null || call.CallbackNumber is not null || call.Status is not ("waiting" or "offered" or "on_call"))
            {
                return false;
            }
            if (call.Status == "on_call")
            {
                await CallEnding.EndTalkAsync(session, call, call.AgentId!.Value, 0, now, ct);
                await session.ExecuteAsync("UPDATE calls SET end_reason = @reason WHERE tenant_id = @TenantId AND id = @callId",
                    new { session.TenantId, callId, reason }, ct);
                await AgentMoves.ApplyAsync(session, call.AgentId!.Value, AgentCommand.HangUp, now, ct,
                    new AgentMoves.Options(CallId: callId, WrapUpUntil: now.AddSeconds(call.QueueWrapUpSeconds), Expected: AgentState.OnCall));
            }
            else
            {
                freed = await Offers.WithdrawAsync(session, callId, keep: null, now, ct, reason: "the PBX no longer has the call");
                var waited = (now - LockedCall.Utc(call.ArrivedAt)).TotalSeconds;
                await session.ExecuteAsync("""
                    UPDATE calls SET status = 'abandoned', ended_at = @now, wait_seconds = @waited, end_reason = @reason
                    WHERE tenant_id = @TenantId AND id = @callId
                    """, new { session.TenantId, callId, now, waited, reason }, ct);
                await session.PublishAsync(new CallAbandoned(session.TenantId, callId, call.QueueId, call.ProjectId, waited, now,
                    call.QueueServiceLevelSeconds, call.QueueShortAbandonSeconds, call.QueueShortAbandonsExcluded), ct);
            }
            await session.CommitAsync(ct);
        }
        foreach (var agent in freed)
        {
            await dispatcher.DispatchForAgentAsync(tenantId, agent, ct);
        }
        return true;
    }
}
