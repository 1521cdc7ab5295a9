using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Reporting.Csv;
using Platform.Reporting.Projects;
using Platform.Reporting.Queues;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Reporting.Calls;

/// <summary>
/// The abandoned-caller list, for a call-back campaign: one row per project and number that hung up in a queue within the
/// range (how many times, the last time, the longest wait), and whether and when someone reached them afterwards: a later
/// call of the same project from or to that number that an agent answered (the caller got through, or a callback), or a result
/// written against the caller's contact. By default only those nobody has reached yet. For the call center's supervision.
/// </summary>
public static class AbandonedCallersApi
{
    public sealed record AbandonedCaller(
        Guid ProjectId, string CallerNumber, Guid? ContactId, long Abandons, DateTimeOffset LastAbandonedAt, Guid LastCallId, Guid LastQueueId,
        double LongestWaitSeconds, DateTimeOffset? ReachedAt, Guid? ReachedByCallId);

    private sealed record Row(
        Guid ProjectId, string CallerNumber, Guid? ContactId, long Abandons, DateTime LastAbandonedAt, Guid LastCallId, Guid LastQueueId,
        double LongestWaitSeconds, DateTime? ReachedAt, Guid? ReachedByCallId)
    {
        public AbandonedCaller Caller() => new(ProjectId, CallerNumber, ContactId, Abandons, CallRecordsApi.Utc(LastAbandonedAt)!.Value, LastCallId,
            LastQueueId, LongestWaitSeconds, CallRecordsApi.Utc(ReachedAt), ReachedByCallId);
    }

    public static RouteGroupBuilder MapAbandonedCallersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reporting").WithTags("Calls").RequireAuthorization(Policies.Supervision);
        group.MapGet("/abandoned-callers", ListAbandonedCallers).WithName("ListAbandonedCallers")
            .WithSummary("Numbers that hung up in a queue, how long they waited, and whether and when anyone reached them since (default: not yet reached).");
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<AbandonedCaller>>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ListAbandonedCallers(
        Guid? projectId, Guid? queueId, string? from, string? to, string? reached, string? format, ClaimsPrincipal user, NpgsqlDataSource db,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (reached is not null and not ("no" or "yes" or "all"))
        {
            errors["reached"] = ["no (the default: nobody reached them yet), yes or all."];
        }
        await using var request = await RangeRequest.OpenAsync(db, user, clock, from, to, null, format, ct, projectId, queueId,
            lookBack: TimeSpan.FromDays(7), errors: errors);
        if (request.Invalid)
        {
            return request.Problem();
        }
        var (session, zone) = (request.Session, request.Zone);
        // A leg the call joined by overflow or transfer has no number of its own: it is the call's first leg's.
        const string sql = """
            WITH legs AS (
                SELECT cr.project_id, cr.call_id, cr.queue_id, cr.contact_id, cr.abandoned_at, cr.wait_seconds,
                       COALESCE(cr.caller_number, (SELECT x.caller_number FROM call_records x WHERE x.tenant_id = cr.tenant_id AND x.call_id = cr.call_id
                                                   AND x.caller_number IS NOT NULL LIMIT 1)) AS caller_number
                FROM call_records cr
                WHERE cr.tenant_id = @TenantId AND cr.abandoned_at >= @From AND cr.abandoned_at < @To AND cr.answered_at IS NULL
                  AND cr.project_id IS NOT NULL
                  AND (CAST(@projectId AS uuid) IS NULL OR cr.project_id = @projectId)
                  AND (CAST(@queueId AS uuid) IS NULL OR cr.queue_id = @queueId)),
            abandoned AS (
                SELECT project_id, caller_number, count(*) AS abandons, max(abandoned_at) AS last_abandoned_at,
                       (array_agg(call_id ORDER BY abandoned_at DESC))[1] AS last_call_id,
                       (array_agg(queue_id ORDER BY abandoned_at DESC))[1] AS last_queue_id,
                       (array_agg(contact_id ORDER BY abandoned_at DESC) FILTER (WHERE contact_id IS NOT NULL))[1] AS contact_id,
                       max(wait_seconds) AS longest_wait_seconds
                FROM legs WHERE caller_number IS NOT NULL
                GROUP BY project_id, caller_number)
            SELECT a.project_id, a.caller_number, a.contact_id, a.abandons, a.last_abandoned_at, a.last_call_id, a.last_queue_id,
                   COALESCE(a.longest_wait_seconds, 0) AS longest_wait_seconds,
                   LEAST(back.answered_at, written.recorded_at) AS reached_at,
                   CASE WHEN written.recorded_at < back.answered_at OR back.answered_at IS NULL THEN written.call_id ELSE back.call_id END AS reached_by_call_id
            FROM abandoned a
            LEFT JOIN LATERAL (
                SELECT leg.call_id, leg.answered_at FROM call_records leg
                WHERE leg.tenant_id = @TenantId AND leg.answered_at > a.last_abandoned_at
                  AND leg.call_id IN (SELECT n.call_id FROM call_records n
                                      WHERE n.tenant_id = @TenantId AND n.project_id = a.project_id AND n.caller_number = a.caller_number
                                      UNION ALL
                                      SELECT n.call_id FROM call_records n
                                      WHERE n.tenant_id = @TenantId AND n.project_id = a.project_id AND n.callback_number = a.caller_number)
                ORDER BY leg.answered_at LIMIT 1) back ON true
            LEFT JOIN LATERAL (SELECT o.call_id, o.recorded_at FROM outcomes o
                               WHERE o.tenant_id = @TenantId AND o.project_id = a.project_id AND o.contact_id = a.contact_id
                                 AND o.recorded_at > a.last_abandoned_at
                               ORDER BY o.recorded_at LIMIT 1) written ON true
            WHERE @Reached = 'all' OR (@Reached = 'yes') = (back.answered_at IS NOT NULL OR written.recorded_at IS NOT NULL)
            ORDER BY a.last_abandoned_at DESC, a.caller_number
            """;
        var r = request.Range;
        var rows = (await session.QueryAsync<Row>(sql, new { session.TenantId, r.From, r.To, projectId, queueId, Reached = reached ?? "no" }, ct))
            .Select(x => x.Caller()).ToList();
        if (projectId is { } project && rows.Count == 0 && !await ReportLookups.ProjectExistsAsync(session, project, ct))
        {
            return Problems.NotFound("Project", project);
        }
        return CsvReport.Wanted(format) ? CsvReport.File(rows, "abandoned-callers", zone) : TypedResults.Ok<IReadOnlyList<AbandonedCaller>>(rows);
    }
}
