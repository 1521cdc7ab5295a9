using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Clients.Calendar;
using Platform.Clients.Dispositions;
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
        group.MapPost("/", CreateProject).WithName("CreateProject").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListProjects).WithName("ListProjects");
        group.MapGet("/{projectId:guid}", GetProject).WithName("GetProject");
        return group;
    }

    public sealed record CreateProjectRequest(string? Name, string? Direction, string? TimeZone, string? Country = null, int? CooldownDays = null);

    public sealed record ProjectResponse(Guid Id, string Name, string Direction, string TimeZone, string? Country, int CooldownDays, DateTime CreatedAt);

    private static async Task<Results<Created<ProjectResponse>, ValidationProblem>> CreateProject(
        CreateProjectRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var (project, errors) = NewProject.From(request.Name, request.Direction, request.TimeZone, request.Country, request.CooldownDays);
        if (project is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The project cannot be created.");
        }
        var tenantId = user.TenantId();
        var now = clock.GetUtcNowAsStored();
        var created = new ProjectCreated(tenantId, Guid.CreateVersion7(), project.Name, project.Direction, project.TimeZone, now);

        // Onboarding is one call: the project with the default calendar and dispositions catalogue, edited later.
        const string sql = """
            INSERT INTO projects (tenant_id, id, name, direction, time_zone, country, cooldown_days, calendar, created_at, created_by)
            VALUES (@TenantId, @ProjectId, @Name, @Direction, @TimeZone, @Country, @CooldownDays, CAST(@Calendar AS jsonb), @CreatedAt, @CreatedBy)
            """;
        await using var session = await db.BeginTenantSessionAsync(tenantId, ct);
        await session.ExecuteAsync(sql, new
        {
            created.TenantId, created.ProjectId, created.Name, Direction = DirectionName(created.Direction), created.TimeZone,
            project.Country, project.CooldownDays, created.CreatedAt, CreatedBy = user.UserId(),
            Calendar = System.Text.Json.JsonSerializer.Serialize(CalendarDocument.From(BusinessCalendar.Default), System.Text.Json.JsonSerializerOptions.Web),
        }, ct);
        await DispositionsApi.ReplaceAsync(session, created.ProjectId, Disposition.Defaults, ct);
        await session.PublishAsync(created, ct);
        await session.CommitAsync(ct);

        var response = new ProjectResponse(created.ProjectId, created.Name, DirectionName(created.Direction), created.TimeZone,
            project.Country, project.CooldownDays, created.CreatedAt.UtcDateTime);
        return TypedResults.Created($"/api/clients/projects/{created.ProjectId}", response);
    }

    private static async Task<Ok<ProjectResponse[]>> ListProjects(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = """
            SELECT id, name, direction, time_zone, country, cooldown_days, created_at FROM projects
            WHERE tenant_id = @TenantId ORDER BY created_at, id
            """;
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var projects = await session.QueryAsync<ProjectResponse>(sql, new { TenantId = session.TenantId }, ct);
        return TypedResults.Ok(projects.ToArray());
    }

    private static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> GetProject(
        Guid projectId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = """
            SELECT id, name, direction, time_zone, country, cooldown_days, created_at FROM projects
            WHERE tenant_id = @TenantId AND id = @projectId
            """;
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var project = await session.QuerySingleOrDefaultAsync<ProjectResponse>(sql, new { TenantId = session.TenantId, projectId }, ct);
        return project is null
            ? Problems.NotFound("Project", projectId)
            : TypedResults.Ok(project);
    }

    private static string DirectionName(ProjectDirection direction) => direction.ToString().ToLowerInvariant();
}
