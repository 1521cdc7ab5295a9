using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Reporting.Csv;
using Platform.Reporting.Projects;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Reporting.Live;

/// <summary>
/// The wallboard's push channel (server-sent events through the gateway): the board at once, then again whenever a
/// projection of the tenant commits (within a second of the event), and a heartbeat every 15 seconds. Narrowed by
/// project or queue; a client viewer sees their own projects only. <c>?format=csv</c> answers the board once as CSV.
/// </summary>
public static class LiveApi
{
    public static RouteGroupBuilder MapLiveApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reporting/live").WithTags("Live").RequireAuthorization(Policies.Reports);
        group.MapGet("/", StreamWallboard).WithName("StreamWallboard")
            .WithSummary("The wallboard as server-sent events (queues, callbacks waiting, agents by state), or once as CSV.");
        group.MapGet("/agents", ListLiveAgents).WithName("ListLiveAgents").RequireAuthorization(Policies.Supervision)
            .WithSummary("The real-time agent list of a queue, a project or the call center: state, reason, time in state, current call and its wait.");
        return group;
    }

    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    private static async Task<Results<Ok<IReadOnlyList<LiveAgents.LiveAgent>>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ListLiveAgents(
        Guid? projectId, Guid? queueId, string? format, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        if (CsvReport.Check(format) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (projectId is { } p && !await ReportLookups.ProjectExistsAsync(session, p, ct))
        {
            return Problems.NotFound("Project", p);
        }
        if (queueId is { } q && await ReportLookups.QueueProjectAsync(session, q, ct) is null)
        {
            return Problems.NotFound("Queue", q);
        }
        var agents = await LiveAgents.ReadAsync(session, projectId, queueId, clock.GetUtcNow(), ct);
        return CsvReport.Wanted(format) ? CsvReport.File(agents, "agents-live", (await ProjectZones.LoadAsync(session, ct)).Home) : TypedResults.Ok(agents);
    }

    private static async Task<Results<ServerSentEventsResult<string>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> StreamWallboard(
        Guid? projectId, Guid? queueId, string? format, ClaimsPrincipal user, NpgsqlDataSource db, LiveChannel channel, TimeProvider clock,
        HttpContext http, CancellationToken ct)
    {
        if (CsvReport.Check(format) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var tenantId = user.TenantId();
        var only = ReportScope.OnlyProjects(user);
        var staff = only is null;
        await using (var session = await db.BeginTenantSessionAsync(tenantId, ct))
        {
            if (projectId is { } p && (!user.MaySeeProject(p) || !await ReportLookups.ProjectExistsAsync(session, p, ct)))
            {
                return Problems.NotFound("Project", p);
            }
            if (queueId is { } q && (await ReportLookups.QueueProjectAsync(session, q, ct) is not { } qp || !user.MaySeeProject(qp)))
            {
                return Problems.NotFound("Queue", q);
            }
            if (CsvReport.Wanted(format))
            {
                var board = await Wallboard.ReadAsync(session, only, projectId, queueId, staff, clock.GetUtcNow(), ct);
                return CsvReport.File(board.Queues, "wallboard");
            }
        }
        http.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(StreamAsync(db, channel, clock, tenantId, only, projectId, queueId, staff, http.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        NpgsqlDataSource db, LiveChannel channel, TimeProvider clock, Guid tenantId, Guid[]? only, Guid? projectId, Guid? queueId, bool staff,
        [EnumeratorCancellation] CancellationToken ct)
    {
        using var subscription = channel.Subscribe(tenantId); // before the first read: no change falls between
        var sequence = 0L;
        while (!ct.IsCancellationRequested)
        {
            string json;
            await using (var session = await db.BeginTenantSessionAsync(tenantId, ct))
            {
                json = JsonSerializer.Serialize(await Wallboard.ReadAsync(session, only, projectId, queueId, staff, clock.GetUtcNow(), ct), JsonSerializerOptions.Web);
            }
            yield return new SseItem<string>(json, "wallboard") { EventId = (++sequence).ToString() };
            if (!await subscription.WaitAsync(Heartbeat, ct) && !ct.IsCancellationRequested)
            {
                yield return new SseItem<string>("{}", "heartbeat");
            }
        }
    }
}
