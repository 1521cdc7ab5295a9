using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Clients.Projects;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Clients.Calendar;

public static class CalendarApi
{
    public static void MapCalendarApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/clients/projects/{projectId:guid}/calendar").WithTags("Projects").RequireAuthorization(Policies.Staff);
        group.MapGet("/", GetCalendar).WithName("GetProjectCalendar").WithSummary("A project's calling calendar: opening hours by weekday and closed days, in the project's zone");
        group.MapPut("/", ReplaceCalendar).WithName("ReplaceProjectCalendar").WithSummary("Replaces a project's calling calendar").RequireAuthorization(Policies.Admin);
    }

    private static async Task<Results<Ok<CalendarDocument>, ProblemHttpResult>> GetCalendar(
        Guid projectId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var project = await ProjectSettings.LoadAsync(session, projectId, ct);
        return project is null ? Problems.NotFound("Project", projectId) : TypedResults.Ok(CalendarDocument.From(project.Calendar));
    }

    private static async Task<Results<Ok<CalendarDocument>, ValidationProblem, ProblemHttpResult>> ReplaceCalendar(
        Guid projectId, CalendarDocument document, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        var (calendar, errors) = document.ToCalendar();
        if (calendar is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The calendar cannot be used.");
        }
        var normalised = CalendarDocument.From(calendar);
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var changed = await session.ExecuteAsync(
            "UPDATE projects SET calendar = CAST(@Calendar AS jsonb) WHERE tenant_id = @TenantId AND id = @projectId",
            new { Calendar = JsonSerializer.Serialize(normalised, JsonSerializerOptions.Web), session.TenantId, projectId }, ct);
        if (changed == 0)
        {
            return Problems.NotFound("Project", projectId);
        }
        await session.CommitAsync(ct);
        return TypedResults.Ok(normalised);
    }
}
