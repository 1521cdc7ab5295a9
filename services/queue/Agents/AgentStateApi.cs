using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Queue.Calls;
using Platform.Queue.Dispatch;
using Platform.Queue.Routing;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Queue.Agents;

/// <summary>
/// An agent says what they are doing: available (logging in straight to available is allowed), on a break with a
/// pause code, or logged out. From wrap-up, either ends the wrap-up and completes the call. An agent changes their own
/// state; supervisors change anyone's (force a log-out at the end of a shift).
/// </summary>
public static class AgentStateApi
{
    public static RouteGroupBuilder MapAgentStateApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/queue/agents").WithTags("Agents").RequireAuthorization(Policies.Staff);
        group.MapPut("/{agentId:guid}/state", ChangeAgentState).WithName("ChangeAgentState").WithSummary("Changes an agent's state (available, pause with a pause code, logged out)");
        return group;
    }

    public sealed record StateRequest(string? State, string? PauseCode);

    private static readonly string[] Targets = ["available", "break", "logged_out"];

    private static async Task<Results<Ok<AgentsApi.AgentResponse>, ProblemHttpResult, ValidationProblem>> ChangeAgentState(
        Guid agentId, StateRequest request, ClaimsPrincipal user, NpgsqlDataSource db, Dispatcher dispatcher, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.State is null || !Targets.Contains(request.State))
        {
            errors["state"] = [$"One of: {string.Join(", ", Targets)}."];
        }
        if (request.PauseCode is not null && (request.State != "break" || !PauseCodes.IsValid(request.PauseCode)))
        {
            errors["pauseCode"] = [$"Only with state break: {PauseCodes.Rule}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The agent's state cannot be changed.");
        }
        var now = clock.GetUtcNowAsStored();
        List<Guid> overflowInto = [];
        await using (var session = await db.BeginTenantSessionAsync(user.TenantId(), ct))
        {
            if (ActingAgent.ActsForSelfOnly(user) && await ActingAgent.OwnAgentAsync(session, user, ct) != agentId)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.", detail: "An agent changes their own state only.");
            }
            var current = await session.QuerySingleOrDefaultAsync<string>(
                "SELECT state FROM agents WHERE tenant_id = @TenantId AND id = @agentId FOR UPDATE", new { session.TenantId, agentId }, ct);
            if (current is null)
            {
                return Problems.NotFound("Agent", agentId);
            }
            var refusal = await MoveAsync(session, agentId, current, request, now, ct);
            if (refusal is not null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The agent's state cannot change.", detail: refusal);
            }
            if (request.State is "break" or "logged_out")
            {
                // The last agent able to take calls may have left: the no-agent rule settles the waiting calls in this transaction.
                overflowInto = await NoAgentRule.AfterAgentLeftAsync(session, agentId, now, ct);
            }
            await session.CommitAsync(ct);
        }
        await dispatcher.DispatchQueuesAsync(user.TenantId(), overflowInto, ct);
        if (request.State == "available")
        {
            await dispatcher.DispatchForAgentAsync(user.TenantId(), agentId, ct);
        }
        return TypedResults.Ok((await AgentsApi.FindAsync(db, user.TenantId(), agentId, ct))!);
    }

    /// <returns>The state machine's reason when the move is refused; null when done.</returns>
    private static async Task<string?> MoveAsync(TenantSession session, Guid agentId, string current, StateRequest request, DateTimeOffset now, CancellationToken ct)
    {
        AgentStateNames.TryParse(current, out var from);
        if (from == AgentState.WrapUp && request.State is "available" or "break")
        {
            var next = request.State == "available" ? AgentCommand.MakeAvailable : AgentCommand.TakeBreak;
            return (await CallEnding.FinishWrapUpAsync(session, agentId, next, request.PauseCode, now, ct)).Finished ? null : "The wrap-up could not be finished.";
        }
        if (from == AgentState.LoggedOut && request.State is "available" or "break")
        {
            var login = await AgentMoves.ApplyAsync(session, agentId, AgentCommand.LogIn, now, ct,
                new AgentMoves.Options(request.State == "break" ? request.PauseCode : PauseCodes.Default));
            if (!login.Moved || request.State == "break")
            {
                return login.Refusal;
            }
        }
        var command = request.State switch
        {
            "available" => AgentCommand.MakeAvailable,
            "break" => AgentCommand.TakeBreak,
            _ => AgentCommand.LogOut,
        };
        var moved = await AgentMoves.ApplyAsync(session, agentId, command, now, ct, new AgentMoves.Options(request.PauseCode));
        return moved.Refusal;
    }
}
