using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Clients.Contacts;
using Platform.Clients.Dispositions;
using Platform.Clients.Idempotency;
using Platform.Clients.Lifecycle;
using Platform.Clients.Privacy;
using Platform.Clients.Recycling;
using Platform.Clients.Projects;
using Platform.Contracts.Contacts;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Clients.Outcomes;

/// <summary>After each call, the result and the next contact date go into the database at once (shared/domain.md, "The agent's day").</summary>
public static class OutcomesApi
{
    public static void MapOutcomesApi(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/clients/contacts/{contactId:guid}/outcomes", RecordOutcome)
            .WithTags("Contacts").WithName("RecordOutcome").WithSummary("Records a call's outcome: disposition, notes, next contact date (callback), do-not-call scope").WithRequestExample(new { Disposition = "callback", Notes = "Asked to be called after the board meeting", NextContactAt = "2026-12-04T09:30:00+01:00", CallId = "0b7e5c1e-8f3d-4c55-9a1e-2f4d8e6a9b10" }).RequireAuthorization(Policies.Staff);

    /// <param name="PersonalCallback">The next call is this agent's own (only their plan shows it); otherwise anyone's.</param>
    /// <param name="DoNotCallScope">For a do-not-call outcome: whom the request binds, client_company (the default) or call_center.</param>
    public sealed record RecordOutcomeRequest(string? Disposition, string? Notes, int? DurationSeconds, DateTimeOffset? NextContactAt, Guid? CallId,
        bool PersonalCallback = false, string? DoNotCallScope = null);

    public sealed record OutcomeResponse(Guid OutcomeId, ContactResponse Contact);

    /// <summary>
    /// A retry records nothing twice: the same <c>Idempotency-Key</c> with the same request gets the first answer again (another
    /// request under that key is 422), and a second outcome for the same call of the contact gets the first outcome (200) when
    /// its disposition is the same, 409 when it is another.
    /// </summary>
    private static async Task<Results<Created<OutcomeResponse>, Ok<OutcomeResponse>, ValidationProblem, ProblemHttpResult, ReplayedAnswer>> RecordOutcome(
        Guid contactId, RecordOutcomeRequest request, ClaimsPrincipal user, NpgsqlDataSource db, DoNotCallList doNotCall, TimeProvider clock,
        HttpRequest http, CancellationToken ct)
    {
        var (idempotency, keyProblem) = IdempotentRequest.Read(http, "outcome", contactId, request);
        if (keyProblem is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IdempotentRequest.Header] = [keyProblem] }, title: "The outcome cannot be recorded.");
        }
        var now = clock.GetUtcNowAsStored();
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (idempotency is not null && await idempotency.ClaimAsync(session, ct) is { } earlier)
        {
            return earlier is ReplayedAnswer replay ? replay : (ProblemHttpResult)earlier;
        }
        var contact = await session.QuerySingleOrDefaultAsync<(Guid ProjectId, string Status, string Phone)?>(
            "SELECT project_id, status, phone FROM contacts WHERE tenant_id = @TenantId AND id = @contactId AND erased_at IS NULL FOR UPDATE", new { session.TenantId, contactId }, ct);
        if (contact is null)
        {
            return Problems.NotFound("Contact", contactId);
        }
        var (projectId, statusName, phone) = contact.Value;
        var project = (await ProjectSettings.LoadAsync(session, projectId, ct))!;
        var catalogue = await DispositionsApi.LoadAsync(session, projectId, ct);

        var (outcome, errors) = OutcomeRules.Check(request, catalogue, now);
        var scope = DoNotCallScope.ClientCompany;
        if (request.DoNotCallScope is not null && !SnakeCase.TryParse(request.DoNotCallScope, out scope))
        {
            errors["doNotCallScope"] = [$"One of {DoNotCallScopes.Choices}."];
            outcome = null;
        }
        if (outcome is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The outcome cannot be recorded.");
        }
        var from = ContactLifecycle.Parse(statusName);
        var move = ContactLifecycle.Next(from, outcome.Disposition.Move);
        if (!move.Allowed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The outcome's status move is not allowed.", detail: move.Refusal);
        }
        if (request.CallId is { } callId && await SameCallAsync(session, contactId, callId, ct) is { } recorded)
        {
            if (recorded.Code != outcome.Disposition.Code)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The call already has its outcome.",
                    detail: $"Call {callId} of this contact was recorded as '{recorded.Code}' (outcome {recorded.Id}); a call has one outcome.");
            }
            return TypedResults.Ok(new OutcomeResponse(recorded.Id, (await ContactsApi.FindAsync(session, contactId, ct))!));
        }
        var to = move.To!.Value;
        var agentId = user.UserId();
        const string update = """
            UPDATE contacts SET status = @Status, next_contact_at = @NextContactAt, callback_agent_id = @CallbackAgent,
                cooldown_until = CASE WHEN @Churned THEN @now + make_interval(days => @CooldownDays)
                                      WHEN @Status = 'churned' THEN cooldown_until END,
                updated_at = @now
            WHERE tenant_id = @TenantId AND id = @contactId
            """;
        await session.ExecuteAsync(update, new
        {
            Status = ContactLifecycle.Name(to), request.NextContactAt,
            CallbackAgent = request.PersonalCallback && request.NextContactAt is not null ? agentId : (Guid?)null,
            Churned = to == ContactStatus.Churned && from != ContactStatus.Churned, now, project.CooldownDays, session.TenantId, contactId,
        }, ct);
        var outcomeId = Guid.CreateVersion7();
        const string insert = """
            INSERT INTO call_outcomes (tenant_id, id, contact_id, disposition_code, category, notes, duration_seconds, agent_id, call_id,
                                       next_contact_at, recorded_at)
            VALUES (@TenantId, @outcomeId, @contactId, @Code, @Category, @Notes, @DurationSeconds, @agentId, @CallId, @NextContactAt, @now)
            """;
        await session.ExecuteAsync(insert, new
        {
            session.TenantId, outcomeId, contactId, outcome.Disposition.Code, Category = SnakeCase.Of(outcome.Disposition.Category),
            outcome.Notes, request.DurationSeconds, agentId, request.CallId, request.NextContactAt, now,
        }, ct);
        if (outcome.Disposition.Category == DispositionCategory.Complaint)
        {
            await Complaints.Complaints.OpenAsync(session, contactId, projectId, outcome.Notes ?? outcome.Disposition.Label, request.CallId, agentId, now, ct);
        }
        if (outcome.Disposition.Move == LifecycleMove.DoNotCall)
        {
            // The request binds the number: the same person in the company's other projects (or the call center's) too.
            await DoNotCallRequests.BindAsync(session, doNotCall, phone, scope, project.ClientCompanyId,
                $"'{outcome.Disposition.Label}' recorded on a call", agentId, request.CallId, now, ct);
        }
        if (to != from)
        {
            await StatusMoves.RecordAsync(session, contactId, projectId, from, to, agentId, request.CallId, outcome.Disposition.Label, now, ct);
        }
        await session.PublishAsync(new CallOutcomeRecorded(session.TenantId, outcomeId, contactId, projectId, agentId, request.CallId,
            outcome.Disposition.Code, SnakeCase.Of(outcome.Disposition.Category), request.DurationSeconds, request.NextContactAt, now), ct);
        if (request.NextContactAt is { } due)
        {
            await session.PublishAsync(new CallbackScheduled(session.TenantId, contactId, projectId, due,
                request.PersonalCallback ? agentId : null), ct);
        }
        await Recycle.AfterOutcomeAsync(session, contactId, projectId, request.NextContactAt, now, ct);
        var answer = new OutcomeResponse(outcomeId, (await ContactsApi.FindAsync(session, contactId, ct))!);
        var location = $"/api/clients/contacts/{contactId}/history";
        if (idempotency is not null)
        {
            await idempotency.RememberAsync(session, StatusCodes.Status201Created, location, answer, ct);
        }
        await session.CommitAsync(ct);
        return TypedResults.Created(location, answer);
    }

    /// <summary>The outcome already recorded for this call of the contact (the contact's row is locked: outcomes of one contact serialise).</summary>
    private static Task<(Guid Id, string Code)?> SameCallAsync(TenantSession session, Guid contactId, Guid callId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<(Guid Id, string Code)?>("""
            SELECT id, disposition_code FROM call_outcomes WHERE tenant_id = @TenantId AND contact_id = @contactId AND call_id = @callId
            ORDER BY recorded_at LIMIT 1
            """, new { session.TenantId, contactId, callId }, ct);
}
