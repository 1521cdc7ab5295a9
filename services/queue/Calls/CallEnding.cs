using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Contracts.Queue;
using Platform.Queue.Agents;
using Platform.Queue.Dispatch;
using Platform.Queue.Routing;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Queue.Calls;

/// <summary>
/// The end of a handled call: the conversation ends (hang-up) and the agent enters wrap-up for the wrap-up time of
/// the call's queue; wrap-up ends when the agent says so or when that time is over. Then the call is complete.
/// </summary>
public static class CallEnding
{
    public const int MaxHoldSeconds = 86_400;

    // Every field is optional: a misspelt one is refused rather than silently read as absent.
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record HangUpRequest(int? HoldSeconds);

    public static async Task<Results<Ok<CallsApi.CallView>, ProblemHttpResult, ValidationProblem>> HangUpCall(
        Guid callId, HangUpRequest request, ClaimsPrincipal user, NpgsqlDataSource db, Dispatcher dispatcher, TimeProvider clock, CancellationToken ct)
    {
        if (request.HoldSeconds is < 0 or > MaxHoldSeconds)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["holdSeconds"] = [$"From 0 to {MaxHoldSeconds}."] },
                title: "The hang-up cannot be recorded.");
        }
        var now = clock.GetUtcNowAsStored();
        Guid agentId;
        List<Guid> toServe = [];
        CallsApi.CallView? view;
        await using (var session = await db.BeginTenantSessionAsync(user.TenantId(), ct))
        {
            var call = await LockedCall.LockAsync(session, callId, ct, user);
            if (call is null)
            {
                return Problems.NotFound("Call", callId);
            }
            if (call.Status != "on_call")
            {
                return CallConflict.State("hung up", call.Status, "on a call");
            }
            agentId = call.AgentId!.Value;
            if (await ActingAgent.CheckHolderAsync(session, user, agentId, ct, call) is { } forbidden)
            {
                return forbidden;
            }
            var hold = request.HoldSeconds ?? 0;
            if ((MeasuredHoldGiven(call, request.HoldSeconds) ?? CheckHold(call, hold, now)) is { } badHold)
            {
                return TypedResults.ValidationProblem(badHold, title: "The hang-up cannot be recorded.");
            }
            var wrapUpSeconds = call.QueueWrapUpSeconds;
            view = await EndTalkAsync(session, call, agentId, hold, now, ct);
            await AgentMoves.ApplyAsync(session, agentId, AgentCommand.HangUp, now, ct,
                new AgentMoves.Options(CallId: callId, WrapUpUntil: now.AddSeconds(wrapUpSeconds), Expected: AgentState.OnCall));
            if (wrapUpSeconds == 0 && await FinishWrapUpAsync(session, agentId, AgentCommand.WrapUpDone, null, now, ct) is { Finished: true } end)
            {
                toServe = await Dispatcher.QueuesToServeAsync(session, agentId, ct);
                view = end.Completed ?? view;
            }
            await session.CommitAsync(ct);
        }
        await dispatcher.DispatchQueuesAsync(user.TenantId(), toServe, ct);
        return TypedResults.Ok(view!);
    }

    public static async Task<Results<Ok<CallsApi.CallView>, ProblemHttpResult>> FinishWrapUp(
        Guid callId, ClaimsPrincipal user, NpgsqlDataSource db, Dispatcher dispatcher, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNowAsStored();
        List<Guid> toServe;
        CallsApi.CallView? view;
        await using (var session = await db.BeginTenantSessionAsync(user.TenantId(), ct))
        {
            var call = await LockedCall.LockAsync(session, callId, ct, user);
            if (call is null)
            {
                return Problems.NotFound("Call", callId);
            }
            if (call.Status != "wrap_up")
            {
                return CallConflict.State("wrapped up", call.Status, "in wrap-up");
            }
            var agentId = call.AgentId!.Value;
            if (await ActingAgent.CheckHolderAsync(session, user, agentId, ct, call) is { } forbidden)
            {
                return forbidden;
            }
            var end = await FinishWrapUpAsync(session, agentId, AgentCommand.WrapUpDone, null, now, ct);
            toServe = await Dispatcher.QueuesToServeAsync(session, agentId, ct);
            view = end.Completed is { } completed && completed.Id == callId ? completed : await CallsApi.ReadAsync(session, callId, ct);
            await session.CommitAsync(ct);
        }
        await dispatcher.DispatchQueuesAsync(user.TenantId(), toServe, ct);
        return TypedResults.Ok(view!);
    }

    /// <summary>
    /// The hold time is measured by the PBX or the desktop, the talk time by this service's clock: a few seconds between two
    /// machines' clocks are tolerated, more hold than that beyond the talk is refused.
    /// </summary>
    public const int HoldClockToleranceSeconds = 2;

    /// <summary>A call cannot have been on hold longer than it was answered: the errors when it would, else null.</summary>
    public static Dictionary<string, string[]>? CheckHold(LockedCall call, int holdSeconds, DateTimeOffset now)
    {
        var talk = (now - LockedCall.Utc(call.AnsweredAt!.Value)).TotalSeconds;
        return holdSeconds > Math.Ceiling(talk) + HoldClockToleranceSeconds
            ? new Dictionary<string, string[]> { ["holdSeconds"] = [$"The call was answered {Math.Ceiling(talk):0} seconds ago; it cannot have been on hold longer."] }
            : null;
    }

    /// <summary>
    /// A call held through <c>hold</c>/<c>resume</c> has its hold measured by the platform: a hold time given as well would
    /// count twice or contradict it, so it is refused (errors), else null. A call never held that way takes the given time.
    /// </summary>
    public static Dictionary<string, string[]>? MeasuredHoldGiven(LockedCall call, int? holdSeconds) =>
        call.Holds > 0 && holdSeconds is > 0
            ? new Dictionary<string, string[]> { ["holdSeconds"] = [$"The platform measured this call's hold ({call.Holds} hold(s) through hold/resume); leave holdSeconds out."] }
            : null;

    /// <summary>
    /// The talk is over: the call enters wrap-up and the agent's day counters grow. The call as it is now. The hold time is
    /// the measured one when the call was held through hold/resume (a hold in progress ends now), else <paramref name="holdSeconds"/>.
    /// </summary>
    public static async Task<CallsApi.CallView?> EndTalkAsync(
        TenantSession session, LockedCall call, Guid agentId, int holdSeconds, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = $"""
            UPDATE calls SET status = 'wrap_up', ended_at = @now, held_since = NULL,
                   hold_seconds = CASE WHEN holds = 0 THEN @holdSeconds
                                       ELSE hold_seconds + COALESCE(GREATEST(round(extract(epoch FROM (@now - held_since))), 0)::int, 0) END
            WHERE tenant_id = @TenantId AND id = @Id
            RETURNING {CallsApi.ViewColumns};

            UPDATE agents SET
                calls_handled_today = CASE WHEN day = CAST(@now AS date) THEN calls_handled_today + 1 ELSE 1 END,
                talk_seconds_today = CASE WHEN day = CAST(@now AS date) THEN talk_seconds_today ELSE 0 END + @talk,
                day = CAST(@now AS date)
            WHERE tenant_id = @TenantId AND id = @agentId;
            """;
        var talk = (long)Math.Round((now - LockedCall.Utc(call.AnsweredAt!.Value)).TotalSeconds);
        return await session.QuerySingleOrDefaultAsync<CallsApi.CallView>(sql, new { session.TenantId, call.Id, agentId, now, holdSeconds, talk }, ct);
    }

    /// <param name="Finished">The agent was in wrap-up and has moved on.</param>
    /// <param name="Completed">The call that wrap-up completed, as it is now; null when there was none (a transfer leaves none).</param>
    public sealed record WrapUpEnd(bool Finished, CallsApi.CallView? Completed);

    /// <summary>
    /// Ends the agent's wrap-up: completes the call they wrap up (if any: a transfer leaves none) with
    /// <see cref="CallCompleted"/>, then moves the agent on (<paramref name="next"/>: available, or a break).
    /// Not finished when the agent was not in wrap-up any more (another replica or the agent got there first).
    /// </summary>
    public static async Task<WrapUpEnd> FinishWrapUpAsync(
        TenantSession session, Guid agentId, AgentCommand next, string? pauseCode, DateTimeOffset now, CancellationToken ct)
    {
        var call = await LockedCall.LockWrappingUpAsync(session, agentId, ct);
        var moved = await AgentMoves.ApplyAsync(session, agentId, next, now, ct, new AgentMoves.Options(pauseCode, call?.Id, Expected: AgentState.WrapUp));
        if (!moved.Moved || moved.From != AgentState.WrapUp)
        {
            return new WrapUpEnd(false, null);
        }
        if (call is null)
        {
            return new WrapUpEnd(true, null);
        }
        var completed = await session.QuerySingleOrDefaultAsync<CallsApi.CallView>(
            $"UPDATE calls SET status = 'completed', completed_at = @now WHERE tenant_id = @TenantId AND id = @Id RETURNING {CallsApi.ViewColumns}",
            new { session.TenantId, call.Id, now }, ct);
        var arrived = LockedCall.Utc(call.ArrivedAt);
        var answered = LockedCall.Utc(call.AnsweredAt!.Value);
        var ended = LockedCall.Utc(call.EndedAt!.Value);
        await session.PublishAsync(new CallCompleted(
            session.TenantId, call.Id, call.QueueId, call.ProjectId, agentId, call.ContactId,
            WaitSeconds: (answered - arrived).TotalSeconds, TalkSeconds: (ended - answered).TotalSeconds, HoldSeconds: call.HoldSeconds,
            WrapUpSeconds: (now - ended).TotalSeconds, Callback: call.CallbackNumber is not null, arrived, now, Holds: call.Holds,
            CampaignId: call.CampaignId), ct);
        return new WrapUpEnd(true, completed);
    }
}
