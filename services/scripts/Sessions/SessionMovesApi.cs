using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Scripts.Authoring.Walking;
using Platform.Scripts.Scripts;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Scripts.Sessions;

/// <summary>
/// The agent walks a session: answer the current step and move on, go back, jump (objection handlers; any step in a
/// guided script). Each names the step it acts on, so a double click or a stale screen is refused (409) instead of
/// moving twice; an answer of the wrong type is 422. A refused move leaves the session exactly as it was.
/// </summary>
public static class SessionMovesApi
{
    public static RouteGroupBuilder MapSessionMovesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/scripts/sessions").WithTags("Sessions").RequireAuthorization(Policies.Staff);
        group.MapPost("/{sessionId:guid}/answers", AnswerStep).WithName("AnswerStep").WithSummary("Records the answer to the session's current step and moves to the step it leads to");
        group.MapPost("/{sessionId:guid}/back", GoBack).WithName("GoBack").WithSummary("Moves the session back to the previous step");
        group.MapPost("/{sessionId:guid}/jump", JumpToStep).WithName("JumpToStep").WithSummary("Jumps to a step the script allows jumping to (an objection handler, a guided return)");
        group.MapPost("/{sessionId:guid}/complete", CompleteSession).WithName("CompleteSession").WithSummary("Completes the session; its answers are kept with the call");
        return group;
    }

    /// <summary>The current step's id and its answer (none for a say step or an objection handler).</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)] // a field it does not know is a mistake, not noise
    public sealed record AnswerRequest(string? StepId, JsonElement? Answer);

    /// <summary>The step the move concerns: the current one for back, the target for a jump.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)] // a field it does not know is a mistake, not noise
    public sealed record StepRequest(string? StepId);

    private static Task<Results<Ok<SessionView>, ProblemHttpResult>> AnswerStep(
        Guid sessionId, AnswerRequest request, ClaimsPrincipal user, NpgsqlDataSource db, CompiledScripts scripts, TimeProvider clock, CancellationToken ct) =>
        MoveAsync(sessionId, user, db, scripts, ct, (script, row, state) =>
            ScriptWalker.Answer(script, state, request.StepId, request.Answer, row.Variables, clock.GetUtcNowAsStored()));

    private static Task<Results<Ok<SessionView>, ProblemHttpResult>> GoBack(
        Guid sessionId, StepRequest request, ClaimsPrincipal user, NpgsqlDataSource db, CompiledScripts scripts, TimeProvider clock, CancellationToken ct) =>
        MoveAsync(sessionId, user, db, scripts, ct, (script, _, state) => ScriptWalker.Back(script, state, request.StepId, clock.GetUtcNowAsStored()));

    private static Task<Results<Ok<SessionView>, ProblemHttpResult>> JumpToStep(
        Guid sessionId, StepRequest request, ClaimsPrincipal user, NpgsqlDataSource db, CompiledScripts scripts, TimeProvider clock, CancellationToken ct) =>
        MoveAsync(sessionId, user, db, scripts, ct, (script, row, state) =>
            ScriptWalker.Jump(script, state, request.StepId, row.Variables, clock.GetUtcNowAsStored()));

    private static async Task<Results<Ok<SessionView>, ProblemHttpResult>> MoveAsync(
        Guid sessionId, ClaimsPrincipal user, NpgsqlDataSource db, CompiledScripts scripts, CancellationToken ct,
        Func<CompiledScript, SessionRow, SessionState, Move> move)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var row = await SessionRow.FindAsync(session, sessionId, ct, forUpdate: true);
        if (row is null || !SessionAccess.MayWalk(user, row))
        {
            return Problems.NotFound("Session", sessionId);
        }
        if (row.Status != SessionRow.Open)
        {
            return ScriptProblems.Conflict("sessionId", $"The session is {row.Status}.", "The session is closed.");
        }
        var script = await scripts.GetAsync(session, row.ScriptId, row.Version, ct);
        var result = move(script, row, row.Walk);
        if (result.Refusal is { } refusal)
        {
            return refusal.Conflict
                ? ScriptProblems.Conflict(refusal.Field, refusal.Reason, "The move does not fit where the session stands.")
                : ScriptProblems.Unprocessable(refusal.Field, refusal.Reason, "The move is not valid.");
        }
        await session.ExecuteAsync("UPDATE script_sessions SET state = CAST(@state AS jsonb) WHERE tenant_id = @TenantId AND id = @sessionId",
            new { session.TenantId, sessionId, state = SessionRow.Serialize(result.State!) }, ct);
        await session.CommitAsync(ct);
        return TypedResults.Ok(SessionView.From(row, script, result.State!));
    }

    /// <summary>
    /// Closes the session: "completed" when it stands on an end (or a transfer), "abandoned" before; publishes
    /// ScriptSessionCompleted with the answers, the path with its times and the suggested disposition.
    /// </summary>
    private static async Task<Results<Ok<SessionView>, ProblemHttpResult>> CompleteSession(
        Guid sessionId, ClaimsPrincipal user, NpgsqlDataSource db, CompiledScripts scripts, TimeProvider clock, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var row = await SessionRow.FindAsync(session, sessionId, ct, forUpdate: true);
        if (row is null || !SessionAccess.MayWalk(user, row))
        {
            return Problems.NotFound("Session", sessionId);
        }
        if (row.Status != SessionRow.Open)
        {
            return ScriptProblems.Conflict("sessionId", $"The session is {row.Status} already.", "The session is closed.");
        }
        var script = await scripts.GetAsync(session, row.ScriptId, row.Version, ct);
        var now = clock.GetUtcNowAsStored();
        var completion = SessionCompletion.Of(session.TenantId, script, row, now);
        await session.ExecuteAsync("""
            UPDATE script_sessions SET state = CAST(@state AS jsonb), status = @Outcome, completed_at = @now
            WHERE tenant_id = @TenantId AND id = @sessionId
            """, new { session.TenantId, sessionId, state = SessionRow.Serialize(completion.State), completion.Event.Outcome, now }, ct);
        await session.PublishAsync(completion.Event, ct);
        await session.CommitAsync(ct);
        return TypedResults.Ok(SessionView.From(row, script, completion.State, completion.Event.Outcome, now.UtcDateTime));
    }
}
