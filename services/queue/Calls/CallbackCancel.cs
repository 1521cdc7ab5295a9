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
/// A callback is called off before anyone called back: the caller rang again and was helped, or a supervisor cancels it.
/// The PBX integration and supervision may; an agent acts on the calls offered to them only. An offer ringing for it is
/// taken back. The call ends as <c>cancelled</c> with the reason.
/// </summary>
public static class CallbackCancel
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record CancelRequest(string? Reason);

    public static async Task<Results<Ok<CallsApi.CallView>, ProblemHttpResult, ValidationProblem>> CancelCallback(
        Guid callId, CancelRequest request, ClaimsPrincipal user, NpgsqlDataSource db, Dispatcher dispatcher, TimeProvider clock, CancellationToken ct)
    {
        var reason = request.Reason?.Trim() ?? "callback cancelled";
        if (reason.Length is 0 or > 200 || reason.Any(char.IsControl))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["1 to 200 printable characters."] },
                title: "The callback cannot be cancelled.");
        }
        if (ActingAgent.ActsForSelfOnly(user))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.",
                detail: "A supervisor or the PBX integration cancels a callback.");
        }
        var now = clock.GetUtcNowAsStored();
        List<Guid> freed;
        CallsApi.CallView? view;
        await using (var session = await db.BeginTenantSessionAsync(user.TenantId(), ct))
        {
            var call = await LockedCall.LockAsync(session, callId, ct);
            if (call is null)
            {
                return Problems.NotFound("Call", callId);
            }
            if (call.CallbackNumber is null || call.Status is not ("waiting" or "offered"))
            {
                return call.CallbackNumber is null
                    ? CallConflict.Because("The callback cannot be cancelled.", "The call is not a callback.")
                    : CallConflict.State("cancelled", call.Status, "a callback waiting or ringing");
            }
            freed = await Offers.WithdrawAsync(session, callId, keep: null, now, ct, reason: "callback cancelled");
            const string sql = $"""
                UPDATE calls SET status = 'cancelled', ended_at = @now, end_reason = @reason
                WHERE tenant_id = @TenantId AND id = @callId
                RETURNING {CallsApi.ViewColumns}
                """;
            view = await session.QuerySingleOrDefaultAsync<CallsApi.CallView>(sql, new { session.TenantId, callId, now, reason }, ct);
            await session.PublishAsync(new CallbackCancelled(session.TenantId, callId, call.QueueId, call.ProjectId, reason, now), ct);
            await session.CommitAsync(ct);
        }
        foreach (var agent in freed)
        {
            await dispatcher.DispatchForAgentAsync(user.TenantId(), agent, ct);
        }
        return TypedResults.Ok(view!);
    }
}
