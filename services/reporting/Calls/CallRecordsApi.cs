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
/// Call detail records: one row per call and queue, newest first, filtered by project, queue, agent, arrival range, result,
/// direction and wait or talk bounds, paged; as CSV every matching row (up to <see cref="MaxExport"/>). With the caller's
/// number, so for the call center's supervision only.
/// </summary>
public static class CallRecordsApi
{
    public const int MaxPageSize = 500, MaxExport = 100_000;

    public sealed record CallRecord(
        Guid CallId, Guid QueueId, Guid? ProjectId, string Result, string Direction, string? CallerNumber, Guid? ContactId, DateTimeOffset? ArrivedAt,
        DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt, double? WaitSeconds, double? TalkSeconds, double? HoldSeconds, double? WrapUpSeconds,
        Guid? AgentId, string? AgentName, string? Disposition, string? DispositionCategory, DateTimeOffset? CallbackRequestedAt,
        Guid? TransferQueueId, Guid? OverflowQueueId);

    private sealed record Row(
        Guid CallId, Guid QueueId, Guid? ProjectId, string Result, string Direction, string? CallerNumber, Guid? ContactId, DateTime? ArrivedAt,
        DateTime? AnsweredAt, DateTime? EndedAt, double? WaitSeconds, double? TalkSeconds, double? HoldSeconds, double? WrapUpSeconds,
        Guid? AgentId, string? AgentName, string? Disposition, string? DispositionCategory, DateTime? CallbackRequestedAt,
        Guid? TransferQueueId, Guid? OverflowQueueId)
    {
        public CallRecord Record() => new(CallId, QueueId, ProjectId, Result, Direction, CallerNumber, ContactId, Utc(ArrivedAt), Utc(AnsweredAt),
            Utc(EndedAt), WaitSeconds, TalkSeconds, HoldSeconds, WrapUpSeconds, AgentId, AgentName, Disposition, DispositionCategory,
            Utc(CallbackRequestedAt), TransferQueueId, OverflowQueueId);
    }

    internal static DateTimeOffset? Utc(DateTime? at) => at is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;

    public sealed record CallRecordPage(int Page, int PageSize, long Total, IReadOnlyList<CallRecord> Calls);

    public static RouteGroupBuilder MapCallRecordsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reporting").WithTags("Calls").RequireAuthorization(Policies.Supervision);
        group.MapGet("/calls", ListCallRecords).WithName("ListCallRecords")
            .WithSummary("Call detail records with filters (project, queue, agent, date range, result, direction, wait and talk bounds), paged or as CSV.");
        return group;
    }

    private static async Task<Results<Ok<CallRecordPage>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ListCallRecords(
        Guid? projectId, Guid? queueId, Guid? agentId, string? from, string? to, string? result, string? direction, double? minWaitSeconds,
        double? maxWaitSeconds, double? minTalkSeconds, double? maxTalkSeconds, int? page, int? pageSize, string? format, ClaimsPrincipal user,
        NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (result is not null && !CallResult.All.Contains(result))
        {
            errors["result"] = [$"One of {string.Join(", ", CallResult.All)}."];
        }
        if (direction is not null and not (CallDirection.Inbound or CallDirection.Outbound))
        {
            errors["direction"] = ["inbound or outbound."];
        }
        if (page is < 1)
        {
            errors["page"] = ["1 or more."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"From 1 to {MaxPageSize}."];
        }
        foreach (var (field, value) in new[] { ("minWaitSeconds", minWaitSeconds), ("maxWaitSeconds", maxWaitSeconds), ("minTalkSeconds", minTalkSeconds),
            ("maxTalkSeconds", maxTalkSeconds) })
        {
            if (value is < 0 || (value is { } v && !double.IsFinite(v)))
            {
                errors[field] = ["Seconds, 0 or more."];
            }
        }
        // Default range: the last 7 days to now; up to 400 days.
        await using var request = await RangeRequest.OpenAsync(db, user, clock, from, to, null, format, ct, projectId, queueId,
            lookBack: TimeSpan.FromDays(7), errors: errors);
        if (request.Invalid)
        {
            return request.Problem();
        }
        var (session, zone) = (request.Session, request.Zone);
        const string filter = $"""
            cr.tenant_id = @TenantId AND cr.arrived_at >= @From AND cr.arrived_at < @To
              AND (CAST(@projectId AS uuid) IS NULL OR cr.project_id = @projectId)
              AND (CAST(@queueId AS uuid) IS NULL OR cr.queue_id = @queueId)
              AND (CAST(@agentId AS uuid) IS NULL OR cr.agent_id = @agentId)
              AND (CAST(@direction AS text) IS NULL OR cr.direction = @direction)
              AND (CAST(@result AS text) IS NULL OR ({CallResult.Sql}) = @result)
              AND (CAST(@minWaitSeconds AS double precision) IS NULL OR cr.wait_seconds >= @minWaitSeconds)
              AND (CAST(@maxWaitSeconds AS double precision) IS NULL OR cr.wait_seconds <= @maxWaitSeconds)
              AND (CAST(@minTalkSeconds AS double precision) IS NULL OR cr.talk_seconds >= @minTalkSeconds)
              AND (CAST(@maxTalkSeconds AS double precision) IS NULL OR cr.talk_seconds <= @maxTalkSeconds)
            """;
        const string sql = $"""
            SELECT cr.call_id, cr.queue_id, cr.project_id, {CallResult.Sql} AS result, cr.direction, COALESCE(cr.callback_number, cr.caller_number,
                            (SELECT x.caller_number FROM call_records x WHERE x.tenant_id = cr.tenant_id AND x.call_id = cr.call_id
                             AND x.caller_number IS NOT NULL LIMIT 1)) AS caller_number,
                   cr.contact_id, cr.arrived_at, cr.answered_at, COALESCE(cr.completed_at, cr.transferred_at, cr.abandoned_at, cr.overflowed_at) AS ended_at,
                   cr.wait_seconds, cr.talk_seconds, cr.hold_seconds, cr.wrap_up_seconds, cr.agent_id, a.name AS agent_name,
                   o.disposition, o.category AS disposition_category, cr.callback_requested_at, cr.transfer_queue_id, cr.overflow_queue_id
            FROM call_records cr
            LEFT JOIN agents a ON a.tenant_id = cr.tenant_id AND a.agent_id = cr.agent_id
            LEFT JOIN LATERAL (SELECT disposition, category FROM outcomes x WHERE x.tenant_id = cr.tenant_id AND x.call_id = cr.call_id
                               ORDER BY x.recorded_at DESC LIMIT 1) o ON true
            WHERE {filter}
            ORDER BY cr.arrived_at DESC, cr.call_id, cr.queue_id
            LIMIT @Limit OFFSET @Offset
            """;
        var r = request.Range;
        var csv = CsvReport.Wanted(format);
        var size = csv ? MaxExport + 1 : pageSize ?? 100;
        var number = csv ? 1 : page ?? 1;
        var parameters = new
        {
            session.TenantId, r.From, r.To, projectId, queueId, agentId, direction, result, minWaitSeconds, maxWaitSeconds, minTalkSeconds, maxTalkSeconds,
            Limit = size, Offset = (long)(number - 1) * size,
        };
        var rows = (await session.QueryAsync<Row>(sql, parameters, ct)).Select(x => x.Record()).ToList();
        if (csv)
        {
            if (rows.Count > MaxExport)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Too many calls for one export.",
                    detail: $"More than {MaxExport} calls match: narrow the range or the filters.");
            }
            return CsvReport.File(rows, "calls", zone);
        }
        var total = await session.QuerySingleOrDefaultAsync<long>($"SELECT count(*) FROM call_records cr WHERE {filter}", parameters, ct);
        return TypedResults.Ok(new CallRecordPage(number, size, total, rows));
    }
}
