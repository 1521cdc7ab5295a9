using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Reporting.Csv;
using Platform.Reporting.Kpis;
using Platform.Reporting.Queues;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Reporting.Flows;

/// <summary>
/// Transfers, overflows and callbacks of a queue per 15 minutes, day, week or month of its project's calendar (every interval a
/// row, zeros included), with a total: calls transferred out (to an agent among them) and in, overflowed out and in, refused at
/// a limit, offers declined by agents, callbacks requested, carried over to the next day, cancelled, completed (the dial-out
/// answered), retried and failed (no attempt left).
/// </summary>
public static class QueueFlowsApi
{
    public sealed record FlowInterval(
        DateTimeOffset Start, long TransfersOut, long TransfersToAgent, long TransfersIn, long OverflowsOut, long OverflowsIn, long Refused,
        long OffersDeclined, long CallbacksRequested, long CallbacksCarriedOver, long CallbacksCancelled, long CallbacksCompleted,
        long CallbacksRetried, long CallbacksFailed)
    {
        public FlowInterval Add(FlowInterval o) => new(Start, TransfersOut + o.TransfersOut, TransfersToAgent + o.TransfersToAgent,
            TransfersIn + o.TransfersIn, OverflowsOut + o.OverflowsOut, OverflowsIn + o.OverflowsIn, Refused + o.Refused,
            OffersDeclined + o.OffersDeclined, CallbacksRequested + o.CallbacksRequested, CallbacksCarriedOver + o.CallbacksCarriedOver,
            CallbacksCancelled + o.CallbacksCancelled, CallbacksCompleted + o.CallbacksCompleted, CallbacksRetried + o.CallbacksRetried,
            CallbacksFailed + o.CallbacksFailed);
    }

    public sealed record QueueFlows(Guid QueueId, Guid ProjectId, string Granularity, DateTimeOffset From, DateTimeOffset To,
        IReadOnlyList<FlowInterval> Intervals, FlowInterval Total);

    private sealed record Row(
        long Bucket, long TransfersOut, long TransfersToAgent, long TransfersIn, long OverflowsOut, long OverflowsIn, long Refused,
        long OffersDeclined, long CallbacksRequested, long CallbacksCarriedOver, long CallbacksCancelled, long CallbacksCompleted,
        long CallbacksRetried, long CallbacksFailed);

    public static RouteGroupBuilder MapQueueFlowsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reporting/queues").WithTags("Queues").RequireAuthorization(Policies.Reports);
        group.MapGet("/{queueId:guid}/flows", GetQueueFlows).WithName("GetQueueFlows")
            .WithSummary("A queue's transfers, overflows, declined offers and callbacks (requested, carried over, cancelled, completed, retried, failed) per interval, with a total.");
        return group;
    }

    private static async Task<Results<Ok<QueueFlows>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetQueueFlows(
        Guid queueId, string? from, string? to, string? granularity, string? format, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock,
        CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var queue = await session.QuerySingleOrDefaultAsync<(Guid ProjectId, string? TimeZone)?>("""
            SELECT q.project_id, f.time_zone FROM queues q
            LEFT JOIN project_figures f ON f.tenant_id = q.tenant_id AND f.project_id = q.project_id
            WHERE q.tenant_id = @TenantId AND q.queue_id = @queueId
            """, new { session.TenantId, queueId }, ct);
        var zone = ReportingDay.Zone(queue?.TimeZone);
        var (range, errors) = ReportRange.Parse(from, to, granularity, clock.GetUtcNow(), zone);
        foreach (var (field, messages) in CsvReport.Check(format))
        {
            errors[field] = messages;
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (queue is not { } q || !user.MaySeeProject(q.ProjectId))
        {
            return Problems.NotFound("Queue", queueId);
        }
        var r = range!;
        var buckets = ReportBuckets.Of(r.From, r.To, r.Granularity, zone);
        const string sql = $"""
            SELECT b.i AS bucket,
                   count(f.kind) FILTER (WHERE f.kind = '{QueueFlow.TransferredOut}') AS transfers_out,
                   count(f.kind) FILTER (WHERE f.kind = '{QueueFlow.TransferredToAgent}') AS transfers_to_agent,
                   count(f.kind) FILTER (WHERE f.kind = '{QueueFlow.TransferredIn}') AS transfers_in,
                   count(f.kind) FILTER (WHERE f.kind = '{QueueFlow.OverflowedOut}') AS overflows_out,
                   count(f.kind) FILTER (WHERE f.kind = '{QueueFlow.OverflowedIn}') AS overflows_in,
                   count(f.kind) FILTER (WHERE f.kind = '{QueueFlow.Refused}') AS refused,
                   count(f.kind) FILTER (WHERE f.kind = '{QueueFlow.OfferDeclined}') AS offers_declined,
                   count(f.kind) FILTER (WHERE f.kind = '{QueueFlow.CallbackRequested}') AS callbacks_requested,
                   count(f.kind) FILTER (WHERE f.kind = '{QueueFlow.CallbackCarriedOver}') AS callbacks_carried_over,
                   count(f.kind) FILTER (WHERE f.kind = '{QueueFlow.CallbackCancelled}') AS callbacks_cancelled,
                   count(f.kind) FILTER (WHERE f.kind = '{QueueFlow.CallbackCompleted}') AS callbacks_completed,
                   count(f.kind) FILTER (WHERE f.kind = '{QueueFlow.CallbackRetried}') AS callbacks_retried,
                   count(f.kind) FILTER (WHERE f.kind = '{QueueFlow.CallbackFailed}') AS callbacks_failed
            FROM unnest(@Froms, @Tos) WITH ORDINALITY AS b(f, t, i)
            LEFT JOIN queue_flows f ON f.tenant_id = @TenantId AND f.queue_id = @queueId AND f.at >= b.f AND f.at < b.t
            GROUP BY b.i ORDER BY b.i
            """;
        var rows = (await session.QueryAsync<Row>(sql, new
        {
            session.TenantId, queueId, Froms = buckets.Select(b => b.From).ToArray(), Tos = buckets.Select(b => b.To).ToArray(),
        }, ct)).Select(x => new FlowInterval(buckets[(int)x.Bucket - 1].Start, x.TransfersOut, x.TransfersToAgent, x.TransfersIn, x.OverflowsOut,
            x.OverflowsIn, x.Refused, x.OffersDeclined, x.CallbacksRequested, x.CallbacksCarriedOver, x.CallbacksCancelled, x.CallbacksCompleted,
            x.CallbacksRetried, x.CallbacksFailed)).ToList();
        var total = rows.Aggregate(new FlowInterval(r.From, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), (sum, row) => sum.Add(row));
        if (CsvReport.Wanted(format))
        {
            return CsvReport.File(rows, $"queue-{queueId}-flows-{r.Granularity}", zone, total);
        }
        return TypedResults.Ok(new QueueFlows(queueId, q.ProjectId, r.Granularity, r.From, r.To, rows, total));
    }
}
