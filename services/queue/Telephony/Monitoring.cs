using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Queue.Calls;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Queue.Telephony;

/// <summary>
/// A supervisor helps live: listens to an agent's call (monitor), speaks to the agent only (whisper) or joins the
/// conversation (barge). The platform asks the PBX to connect the supervisor's device to the call in that mode.
/// </summary>
public static class Monitoring
{
    public static readonly string[] Modes = ["monitor", "whisper", "barge"];

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record MonitorRequest(string? Mode, string? Device);

    public sealed record MonitorResponse(Guid CallId, string Mode, string Device);

    public static async Task<Results<Accepted<MonitorResponse>, ProblemHttpResult, ValidationProblem>> MonitorCall(
        Guid callId, MonitorRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        if (request.Mode is null || !Modes.Contains(request.Mode) || string.IsNullOrWhiteSpace(request.Device) || request.Device.Length > 200
            || request.Device.Any(char.IsControl))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["mode"] = [$"A mode ({string.Join(", ", Modes)}) and the supervisor's device (extension or SIP URI)."],
            }, title: "The call cannot be monitored.");
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var call = await LockedCall.LockAsync(session, callId, ct);
        if (call is null)
        {
            return Problems.NotFound("Call", callId);
        }
        if (call.Status != "on_call")
        {
            return CallConflict.State("monitored", call.Status, "on a call");
        }
        var externalId = await session.QuerySingleOrDefaultAsync<string?>("SELECT external_id FROM calls WHERE tenant_id = @TenantId AND id = @callId",
            new { session.TenantId, callId }, ct);
        await PbxCommands.SendAsync(session, PbxCommands.Monitor, callId, new
        {
            callId, externalId, agentId = call.AgentId, mode = request.Mode, supervisorDevice = request.Device, supervisorUserId = user.UserId(),
        }, clock.GetUtcNowAsStored(), ct);
        await session.CommitAsync(ct);
        return TypedResults.Accepted($"/api/queue/calls/{callId}", new MonitorResponse(callId, request.Mode, request.Device));
    }
}
