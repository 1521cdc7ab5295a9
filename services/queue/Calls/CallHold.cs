using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Queue.Telephony;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Queue.Calls;

/// <summary>
/// The agent on a call puts the caller on hold and takes them back, as often as the conversation needs. The platform
/// measures each hold (its own clock, from hold to resume, or to the hang-up or transfer that ends a hold in progress),
/// tells the PBX (<c>hold</c> / <c>unhold</c> on the command stream: music on hold for the caller) and carries the
/// total on <c>CallCompleted.HoldSeconds</c>. The agent's push channel shows the hold (<c>call.heldSince</c>, <c>call.holdSeconds</c>).
/// </summary>
public static class CallHold
{
    public static Task<Results<Ok<CallsApi.CallView>, ProblemHttpResult>> HoldCall(
        Guid callId, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(callId, hold: true, user, db, clock, ct);

    public static Task<Results<Ok<CallsApi.CallView>, ProblemHttpResult>> ResumeCall(
        Guid callId, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(callId, hold: false, user, db, clock, ct);

    private static async Task<Results<Ok<CallsApi.CallView>, ProblemHttpResult>> ChangeAsync(
        Guid callId, bool hold, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNowAsStored();
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var call = await LockedCall.LockAsync(session, callId, ct, user);
        if (call is null)
        {
            return Problems.NotFound("Call", callId);
        }
        var action = hold ? "put on hold" : "taken off hold";
        if (call.Status != "on_call")
        {
            return CallConflict.State(action, call.Status, "on a call");
        }
        var agentId = call.AgentId!.Value;
        if (await ActingAgent.CheckHolderAsync(session, user, agentId, ct, call) is { } forbidden)
        {
            return forbidden;
        }
        if (hold == call.HeldSince.HasValue)
        {
            return CallConflict.Because($"The call cannot be {action}.", hold ? "The caller is already on hold." : "The caller is not on hold.");
        }
        // A hold ends by the platform's clock: its seconds rounded to the nearest, never negative.
        const string sql = $"""
            UPDATE calls SET
                held_since = CASE WHEN @hold THEN @now END,
                holds = holds + CASE WHEN @hold THEN 1 ELSE 0 END,
                hold_seconds = hold_seconds + CASE WHEN @hold THEN 0
                               ELSE GREATEST(round(extract(epoch FROM (@now - held_since))), 0)::int END
            WHERE tenant_id = @TenantId AND id = @callId
            RETURNING {CallsApi.ViewColumns};
            {PbxCommands.HoldSql}
            SELECT pg_notify('{Agents.AgentNudge.Channel}', @nudge);
            """;
        var view = await session.QuerySingleOrDefaultAsync<CallsApi.CallView>(sql, new
        {
            session.TenantId, callId, agentId, hold, now, kind = hold ? PbxCommands.Hold : PbxCommands.Unhold, holds = call.Holds + (hold ? 1 : 0),
            nudge = Agents.AgentNudge.Payload(session.TenantId, agentId),
        }, ct);
        await session.CommitAsync(ct);
        return TypedResults.Ok(view!);
    }
}
