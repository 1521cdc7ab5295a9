using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Contracts.Queue;
using Platform.Queue.Dispatch;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Queue.Calls;

/// <summary>
/// A waiting caller leaves the line: they hang up (abandoned, with the time they waited), or ask to be called back
/// (the callback keeps the call's place in line and is offered to an agent like a call, at once or from the time it is
/// scheduled for; no max wait or no-agent rule drops it). An offer already ringing is taken back and its agent is free again.
/// </summary>
public static class CallerLeaving
{
    // Every field is optional: a misspelt one is refused rather than silently read as absent.
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record CallbackRequest(string? Number, DateTimeOffset? DueAt = null);

    /// <summary>How far ahead a callback may be scheduled.</summary>
    public const int MaxCallbackDays = 30;

    public static async Task<Results<Ok<CallsApi.CallView>, ProblemHttpResult>> AbandonCall(
        Guid callId, ClaimsPrincipal user, NpgsqlDataSource db, Dispatcher dispatcher, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNowAsStored();
        List<Guid> freed;
        await using (var session = await db.BeginTenantSessionAsync(user.TenantId(), ct))
        {
            var call = await LockedCall.LockAsync(session, callId, ct);
            if (call is null)
            {
                return Problems.NotFound("Call", callId);
            }
            if (call.Status is not ("waiting" or "offered") || call.CallbackNumber is not null)
            {
                return call.CallbackNumber is not null && call.Status is "waiting" or "offered"
                    ? CallConflict.Because("The call cannot be abandoned.", "The caller already left the line and waits for a callback.")
                    : CallConflict.State("abandoned", call.Status, "waiting or ringing");
            }
            freed = await Offers.WithdrawAsync(session, callId, keep: null, now, ct, reason: "caller hung up");
            var waited = (now - LockedCall.Utc(call.ArrivedAt)).TotalSeconds;
            const string sql = """
                UPDATE calls SET status = 'abandoned', ended_at = @now, wait_seconds = @waited, end_reason = 'caller hung up'
                WHERE tenant_id = @TenantId AND id = @callId
                """;
            await session.ExecuteAsync(sql, new { session.TenantId, callId, now, waited }, ct);
            await session.PublishAsync(new CallAbandoned(session.TenantId, callId, call.QueueId, call.ProjectId, waited, now, call.QueueServiceLevelSeconds,
                call.QueueShortAbandonSeconds, call.QueueShortAbandonsExcluded), ct);
            await session.CommitAsync(ct);
        }
        foreach (var agent in freed)
        {
            await dispatcher.DispatchForAgentAsync(user.TenantId(), agent, ct);
        }
        return TypedResults.Ok((await CallsApi.ViewAsync(db, user.TenantId(), callId, ct))!);
    }

    public static async Task<Results<Ok<CallsApi.CallView>, ProblemHttpResult, ValidationProblem>> RequestCallback(
        Guid callId, CallbackRequest request, ClaimsPrincipal user, NpgsqlDataSource db, Dispatcher dispatcher, TimeProvider clock, CancellationToken ct)
    {
        string? number = null;
        if (request.Number is not null)
        {
            (number, var problem) = CallerNumber.Normalise(request.Number);
            if (problem is not null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["number"] = [problem] }, title: "The callback cannot be requested.");
            }
        }
        var now = clock.GetUtcNowAsStored();
        if (request.DueAt is { } due && (due < now.AddMinutes(-1) || due > now.AddDays(MaxCallbackDays)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["dueAt"] = [$"From now to {MaxCallbackDays} days ahead, with its offset (2026-12-03T14:30:00+01:00)."] },
                title: "The callback cannot be requested.");
        }
        Guid queueId;
        await using (var session = await db.BeginTenantSessionAsync(user.TenantId(), ct))
        {
            var call = await LockedCall.LockAsync(session, callId, ct);
            if (call is null)
            {
                return Problems.NotFound("Call", callId);
            }
            if (call.Status is not ("waiting" or "offered"))
            {
                return CallConflict.State("turned into a callback", call.Status, "waiting or ringing");
            }
            if (call.CallbackNumber is not null)
            {
                return CallConflict.Because("The callback is already requested.", "The caller already waits for a callback.");
            }
            await Offers.WithdrawAsync(session, callId, keep: null, now, ct, reason: "caller asked for a callback");
            number ??= call.CallerNumber;
            const string sql = """
                UPDATE calls SET status = 'waiting', callback_number = @number, callback_due_at = @DueAt, pbx_seen_at = @now
                WHERE tenant_id = @TenantId AND id = @callId
                """;
            await session.ExecuteAsync(sql, new { session.TenantId, callId, number, DueAt = request.DueAt?.ToUniversalTime(), now }, ct);
            await session.PublishAsync(new CallbackRequested(session.TenantId, callId, call.QueueId, call.ProjectId, number, now), ct);
            await session.CommitAsync(ct);
            queueId = call.QueueId;
        }
        await dispatcher.DispatchAsync(user.TenantId(), queueId, ct);
        return TypedResults.Ok((await CallsApi.ViewAsync(db, user.TenantId(), callId, ct))!);
    }
}
