using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Clients.Calendar;
using Platform.Clients.Companies;
using Platform.Clients.Dispositions;
using Platform.Clients.Scoping;
using Platform.Contracts.Projects;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Clients.Projects;

public static class ProjectsApi
{
    public static RouteGroupBuilder MapProjectsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/clients/projects").WithTags("Projects").RequireAuthorization(Policies.Staff);
        group.MapPost("/", CreateProject).WithName("CreateProject").WithSummary("Creates a project: name, direction (inbound or outbound), time zone, country and cool-down").WithRequestExample(new { Name = "Acme hotline", Direction = "inbound", TimeZone = "Europe/Prague", Country = "CZ" }).RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListProjects).WithName("ListProjects").WithSummary("The projects the caller may see");
        group.MapGet("/{projectId:guid}", GetProject).WithName("GetProject").WithSummary("A project's settings");
        group.MapPut("/{projectId:guid}", UpdateProject).WithName("UpdateProject").WithSummary("Updates a project's name, cool-down days, country and client company").RequireAuthorization(Policies.Admin);
        return group;
    }

    /// <param name="ClientCompanyId">The client company that bought the project (one of <c>/api/clients/companies</c>); optional.</param>
    /// <param name="Calendar">The project's business calendar (as <c>PUT projects/{id}/calendar</c> takes it); left out, Mon–Fri 9–17 with lunch 12–13.</param>
    /// <param name="Dispositions">The dispositions catalogue (as <c>PUT projects/{id}/dispositions</c> takes it); left out, the default catalogue.</param>
    public sealed record CreateProjectRequest(string? Name, string? Direction, string? TimeZone, string? Country = null, int? CooldownDays = null,
        Guid? ClientCompanyId = null, CalendarDocument? Calendar = null, DispositionsApi.DispositionDocument[]? Dispositions = null);

    /// <summary>The settings that may change after onboarding; all of them, as a PUT replaces (a left-out country or company is none).</summary>
    public sealed record UpdateProjectRequest(string? Name, int? CooldownDays, string? Country = null, Guid? ClientCompanyId = null);

    public sealed record ProjectResponse(Guid Id, string Name, string Direction, string TimeZone, string? Country, int CooldownDays, DateTime CreatedAt,
        Guid? ClientCompanyId, string? ClientCompanyName);

    private const string Select = """
        SELECT p.id, p.name, p.direction, p.time_zone, p.country, p.cooldown_days, p.created_at, p.client_company_id, c.name AS client_company_name
        FROM projects p LEFT JOIN client_companies c ON c.tenant_id = p.tenant_id AND c.id = p.client_company_id
        """;

    private static async Task<Results<Created<ProjectResponse>, ValidationProblem>> CreateProject(
        CreateProjectRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var (project, errors) = NewProject.From(request.Name, request.Direction, request.TimeZone, request.Country, request.CooldownDays);
        // A calendar or catalogue in the body is applied with the project, or the whole request is refused: never ignored.
        var calendar = BusinessCalendar.Default;
        if (request.Calendar is { } calendarDocument)
        {
            var (read, calendarErrors) = calendarDocument.ToCalendar();
            calendar = read ?? calendar;
            foreach (var (field, problems) in calendarErrors) errors[$"calendar.{field}"] = problems;
        }
        var dispositions = Disposition.Defaults;
        if (request.Dispositions is { } catalogue)
        {
            var (read, catalogueErrors) = DispositionRules.Read(catalogue);
            dispositions = read ?? dispositions;
            foreach (var (field, problems) in catalogueErrors) errors[field] = problems;
        }
        if (project is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The project cannot be created.");
        }
        var tenantId = user.TenantId();
        var now = clock.GetUtcNowAsStored();
        await using var session = await db.BeginTenantSessionAsync(tenantId, ct);
        string? companyName = null;
        if (request.ClientCompanyId is { } companyId && (companyName = await ClientCompaniesApi.NameOfAsync(session, companyId, ct)) is null)
        {
            return UnknownCompany(companyId, "The project cannot be created.");
        }
        var created = new ProjectCreated(tenantId, Guid.CreateVersion7(), project.Name, project.Direction, project.TimeZone, now,
            request.ClientCompanyId, companyName);

        // Onboarding is one call: the project with its calendar and dispositions catalogue (the defaults when left out), in one transaction.
        const string sql = """
            INSERT INTO projects (tenant_id, id, name, direction, time_zone, country, cooldown_days, calendar, created_at, created_by, client_company_id)
            VALUES (@TenantId, @ProjectId, @Name, @Direction, @TimeZone, @Country, @CooldownDays, CAST(@Calendar AS jsonb), @CreatedAt, @CreatedBy,
                    @ClientCompanyId)
            """;
        await session.ExecuteAsync(sql, new
        {
            created.TenantId, created.ProjectId, created.Name, Direction = DirectionName(created.Direction), created.TimeZone, created.ClientCompanyId,
            project.Country, project.CooldownDays, created.CreatedAt, CreatedBy = user.UserId(),
            Calendar = System.Text.Json.JsonSerializer.Serialize(CalendarDocument.From(calendar), System.Text.Json.JsonSerializerOptions.Web),
        }, ct);
        await DispositionsApi.ReplaceAsync(session, created.ProjectId, dispositions, ct);
        await session.PublishAsync(created, ct);
        await session.CommitAsync(ct);

        var response = new ProjectResponse(created.ProjectId, created.Name, DirectionName(created.Direction), created.TimeZone,
            project.Country, project.CooldownDays, created.CreatedAt.UtcDateTime, created.ClientCompanyId, created.ClientCompanyName);
        return TypedResults.Created($"/api/clients/projects/{created.ProjectId}", response);
    }

    private static async Task<Ok<ProjectResponse[]>> ListProjects(ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct)
    {
        const string sql = $"{Select} WHERE p.tenant_id = @TenantId ORDER BY p.created_at, p.id";
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var projects = await session.QueryAsync<ProjectResponse>(sql, new { TenantId = session.TenantId }, ct);
        var scope = ProjectScope.Of(http); // an agent: the projects they work on
        return TypedResults.Ok(projects.Where(p => scope.Allows(p.Id)).ToArray());
    }

    private static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> GetProject(
        Guid projectId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var project = await FindAsync(session, projectId, ct);
        return project is null
            ? Problems.NotFound("Project", projectId)
            : TypedResults.Ok(project);
    }

    private static async Task<Results<Ok<ProjectResponse>, ValidationProblem, ProblemHttpResult>> UpdateProject(
        Guid projectId, UpdateProjectRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var current = await session.QuerySingleOrDefaultAsync<(string TimeZone, int CooldownDays)?>(
            "SELECT time_zone, cooldown_days FROM projects WHERE tenant_id = @TenantId AND id = @projectId FOR UPDATE",
            new { session.TenantId, projectId }, ct);
        if (current is not { } project)
        {
            return Problems.NotFound("Project", projectId);
        }
        var (changes, errors) = ProjectChanges.From(request.Name, request.Country, request.CooldownDays, project.TimeZone);
        if (changes is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The project cannot be changed.");
        }
        string? companyName = null;
        if (request.ClientCompanyId is { } companyId && (companyName = await ClientCompaniesApi.NameOfAsync(session, companyId, ct)) is null)
        {
            return UnknownCompany(companyId, "The project cannot be changed.");
        }
        var now = clock.GetUtcNowAsStored();
        const string sql = """
            UPDATE projects SET name = @Name, country = @Country, cooldown_days = @CooldownDays, client_company_id = @ClientCompanyId
            WHERE tenant_id = @TenantId AND id = @projectId;
            -- Churned clients already waiting wait the new cooldown, counted from when their contract ended.
            UPDATE contacts SET cooldown_until = cooldown_until + make_interval(days => @Shift), updated_at = @now
            WHERE tenant_id = @TenantId AND project_id = @projectId AND status = 'churned' AND cooldown_until IS NOT NULL AND @Shift <> 0;
            """;
        await session.ExecuteAsync(sql, new
        {
            changes.Name, changes.Country, changes.CooldownDays, request.ClientCompanyId, session.TenantId, projectId, now,
            Shift = ProjectChanges.ShiftDays(project.CooldownDays, changes.CooldownDays),
        }, ct);
        await session.PublishAsync(new ProjectUpdated(session.TenantId, projectId, changes.Name, changes.CooldownDays, request.ClientCompanyId, companyName, now), ct);
        var updated = (await FindAsync(session, projectId, ct))!;
        await session.CommitAsync(ct);
        return TypedResults.Ok(updated);
    }

    private static Task<ProjectResponse?> FindAsync(TenantSession session, Guid projectId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<ProjectResponse>($"{Select} WHERE p.tenant_id = @TenantId AND p.id = @projectId",
            new { session.TenantId, projectId }, ct);

    /// <summary>A company the tenant does not have (another tenant's included): the field is wrong, nothing is said about that company.</summary>
    private static ValidationProblem UnknownCompany(Guid companyId, string title) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["clientCompanyId"] = [$"No client company {companyId}."] }, title: title);

    private static string DirectionName(ProjectDirection direction) => direction.ToString().ToLowerInvariant();
}
