using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;
using Npgsql;
using Platform.Clients.Calendar;
using Platform.Clients.Lifecycle;
using Platform.Clients.Privacy;
using Platform.Clients.Projects;
using Platform.Clients.Scoping;
using Platform.Contracts.Contacts;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Clients.Plan;

public static class PlanApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static void MapPlanApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/clients/plan").WithTags("Plan of the day").RequireAuthorization(Policies.Staff);
        group.MapGet("/", GetPlan).WithName("GetDailyPlan").WithSummary("The plan of the day: the contacts to call today, in order (callbacks first)");
        group.MapPost("/", DrawPlan).WithName("DrawDailyPlan").WithSummary("Draws the plan of the day for a project from its callable contacts");
    }

    /// <param name="MyDay">Size the plan to what is left of today's working hours of the project at its average handle time (needs ProjectId).</param>
    public sealed record DrawPlanRequest(string? Date, Guid? AgentId, Guid? ProjectId, int? Limit, bool? MyDay = null);

    /// <summary>How long a drawn plan holds its contacts for its agent, unless an outcome frees them sooner.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromHours(10);
    public sealed record PlanEntry(Guid ContactId, Guid ProjectId, string Name, string Phone, string Status, bool Vip, string Why,
        DateTime? NextContactAt, string TimeZone, Window[] Windows);
    public sealed record Window(DateTime From, DateTime To);
    public sealed record PlanResponse(Guid AgentId, string Date, PlanEntry[] Contacts);

    /// <param name="date">yyyy-MM-dd; today (UTC) when left out.</param>
    private static Task<Results<Ok<PlanResponse>, ValidationProblem, ProblemHttpResult>> GetPlan(
        string? date, Guid? agentId, Guid? projectId, int? limit, bool? myDay, ClaimsPrincipal user, NpgsqlDataSource db, DoNotCallList doNotCall, TimeProvider clock,
        HttpContext http, CancellationToken ct) =>
        ComputeAsync(new DrawPlanRequest(date ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd"), agentId, projectId, limit, myDay),
            user, db, doNotCall, http, draw: null, ct);

    private static Task<Results<Ok<PlanResponse>, ValidationProblem, ProblemHttpResult>> DrawPlan(
        DrawPlanRequest request, ClaimsPrincipal user, NpgsqlDataSource db, DoNotCallList doNotCall, TimeProvider clock, HttpContext http,
        CancellationToken ct) =>
        ComputeAsync(request, user, db, doNotCall, http, draw: clock.GetUtcNow(), ct);

    private static async Task<Results<Ok<PlanResponse>, ValidationProblem, ProblemHttpResult>> ComputeAsync(
        DrawPlanRequest request, ClaimsPrincipal user, NpgsqlDataSource db, DoNotCallList doNotCall, HttpContext http, DateTimeOffset? draw,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var parsedDate = LocalDatePattern.Iso.Parse(request.Date ?? "");
        if (!parsedDate.Success)
        {
            errors["date"] = ["The plan's date, yyyy-MM-dd."];
        }
        if (request.Limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"1 to {MaxLimit} contacts."];
        }
        if (request.MyDay == true && (request.ProjectId is null || request.Limit is not null))
        {
            errors["myDay"] = ["'My day' sizes the plan of one project (projectId) and takes no limit."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The plan cannot be drawn.");
        }
        var agentId = request.AgentId ?? user.UserId();
        if (agentId != user.UserId() && !user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Supervisor))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Another agent's plan.",
                detail: "An agent draws their own plan; supervisors and admins may draw anyone's.");
        }
        var date = parsedDate.Value;
        var limit = request.Limit ?? DefaultLimit;
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (request.MyDay == true)
        {
            var project = await ProjectSettings.LoadAsync(session, request.ProjectId!.Value, ct);
            if (project is null || !ProjectScope.Of(http).Allows(project.Id))
            {
                return Platform.ServiceDefaults.Http.Problems.NotFound("Project", request.ProjectId.Value);
            }
            var handleSeconds = await session.QuerySingleOrDefaultAsync<double?>("""
                SELECT avg(k.talk_seconds + k.hold_seconds + k.wrap_up_seconds) FROM contact_calls k
                JOIN contacts c ON c.tenant_id = k.tenant_id AND c.id = k.contact_id
                WHERE k.tenant_id = @TenantId AND c.project_id = @ProjectId AND k.completed_at > now() - interval '30 days'
                """, new { session.TenantId, request.ProjectId }, ct);
            limit = PlanSize.ForRestOfDay(project.Calendar, project.Zone, NodaTime.SystemClock.Instance.GetCurrentInstant(),
                handleSeconds is { } s ? NodaTime.Duration.FromSeconds(s) : PlanSize.DefaultHandleTime, MaxLimit);
        }
        var candidates = await PlanQuery.CandidatesAsync(session, agentId, request.ProjectId, date, limit, ct);
        var calendars = new Dictionary<Guid, BusinessCalendar>();
        var listed = new HashSet<Guid>();
        foreach (var projectId in candidates.Select(c => c.ProjectId).Distinct())
        {
            var project = (await ProjectSettings.LoadAsync(session, projectId, ct))!;
            calendars[projectId] = project.Calendar;
            // A number bound by a do-not-call request in the project's company (or the call center) is never planned.
            var ofProject = candidates.Where(c => c.ProjectId == projectId).ToList();
            var numbers = await doNotCall.ListedAsync(session, ofProject.Select(c => c.Phone).ToList(), project.ClientCompanyId, ct);
            listed.UnionWith(ofProject.Where(c => numbers.Contains(c.Phone)).Select(c => c.ContactId));
        }
        // An agent plans the projects they work on only (a project named in the request outside them gives an empty plan).
        var scope = ProjectScope.Of(http);
        candidates = candidates.Where(c => !listed.Contains(c.ContactId) && scope.Allows(c.ProjectId)).ToList();
        var entries = DailyPlan.Draw(candidates, project => calendars[project], agentId, date, limit);
        var response = new PlanResponse(agentId, LocalDatePattern.Iso.Format(date), entries.Select(e => new PlanEntry(
            e.Contact.ContactId, e.Contact.ProjectId, e.Contact.Name, e.Contact.Phone, ContactLifecycle.Name(e.Contact.Status), e.Contact.Vip,
            SnakeCase.Of(e.Why), e.Contact.NextContactAt?.ToDateTimeUtc(), e.Contact.Zone.Id,
            e.WindowsUtc.Select(w => new Window(w.Start.ToDateTimeUtc(), w.End.ToDateTimeUtc())).ToArray())).ToArray());

        if (draw is { } drawnAt)
        {
            // Lease the plan's contacts to this agent: a contact another agent holds (a plan drawn at the same moment) stays theirs.
            var leased = (await session.QueryAsync<Guid>("""
                INSERT INTO contact_leases (tenant_id, contact_id, agent_id, leased_at, leased_until)
                SELECT @TenantId, c, @agentId, @drawnAt, @Until FROM unnest(@Ids) AS c ORDER BY c
                ON CONFLICT (tenant_id, contact_id) DO UPDATE SET agent_id = EXCLUDED.agent_id, leased_at = EXCLUDED.leased_at, leased_until = EXCLUDED.leased_until
                WHERE contact_leases.agent_id = EXCLUDED.agent_id OR contact_leases.leased_until <= EXCLUDED.leased_at
                RETURNING contact_id
                """, new { session.TenantId, agentId, drawnAt, Until = drawnAt + LeaseDuration,
                    Ids = response.Contacts.Select(c => c.ContactId).Order().ToArray() }, ct)).ToHashSet();
            response = response with { Contacts = response.Contacts.Where(c => leased.Contains(c.ContactId)).ToArray() };
            var contactIds = response.Contacts.Select(c => c.ContactId).ToArray();
            await session.ExecuteAsync("""
                INSERT INTO daily_plans (tenant_id, agent_id, plan_date, contact_ids, drawn_at) VALUES (@TenantId, @agentId, CAST(@Date AS date), @contactIds, @drawnAt)
                ON CONFLICT (tenant_id, agent_id, plan_date) DO UPDATE SET contact_ids = EXCLUDED.contact_ids, drawn_at = EXCLUDED.drawn_at
                """, new { session.TenantId, agentId, Date = date.ToDateTimeUnspecified(), contactIds, drawnAt }, ct); // Dapper binds no DateOnly
            await session.PublishAsync(new DailyPlanDrawn(session.TenantId, agentId, date.ToDateOnly(), contactIds, drawnAt), ct);
            await session.CommitAsync(ct);
        }
        return TypedResults.Ok(response);
    }
}
