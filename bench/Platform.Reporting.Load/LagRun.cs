using System.Diagnostics;
using Dapper;
using MassTransit;
using Npgsql;
using Platform.Contracts;

namespace Platform.Reporting.Load;

/// <summary>
/// Projection lag at a steady rate: publishes the simulated call centers' events through MassTransit (each with its own
/// message id, its own time = the moment of publishing) at <c>--rate</c> per second for <c>--seconds</c>, waits for
/// reporting to take them all in, then reads <c>event_log.received_at − occurred_at</c> for every event. received_at is
/// the consumer transaction's start (<c>now()</c>); its commit follows within that transaction's few statements.
/// <c>--warmup N</c> publishes at the same rate for N seconds first, unmeasured (a freshly started service JITs).
/// </summary>
internal static class LagRun
{
    public static async Task<int> RunAsync(LoadOptions options)
    {
        int rate = options.Int("rate", 1000), seconds = options.Int("seconds", 60), tenants = options.Int("tenants", 3), warmup = options.Int("warmup", 0);
        var sim = new CallCenterSim(tenants);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(LoadOptions.Env("RABBITMQ_URL")));
            rabbit.Publish<ITenantEvent>(publish => publish.Exclude = true);
        });
        await bus.StartAsync();
        await using var db = NpgsqlDataSource.Create(options.ReportingDatabase());
        try
        {
            var setup = sim.Setup(DateTimeOffset.UtcNow).ToList();
            await Task.WhenAll(setup.Select(e => PublishAsync(bus, e)));
            await WaitForAsync(db, sim.TenantIds, setup.Count, DateTimeOffset.MinValue, TimeSpan.FromSeconds(60));
            Console.WriteLine($"setup: {setup.Count} events (projects, agents) taken in; publishing {rate}/s for {seconds} s");

            if (warmup > 0)
            {
                await PublishSteadilyAsync(bus, sim, rate, TimeSpan.FromSeconds(warmup));
                Console.WriteLine($"warm-up: {warmup} s at {rate}/s (not measured)");
            }
            var start = DateTimeOffset.UtcNow;
            var (published, failed, elapsed) = await PublishSteadilyAsync(bus, sim, rate, TimeSpan.FromSeconds(seconds));
            Console.WriteLine($"published {published} events in {elapsed.TotalSeconds:0.0} s = {published / elapsed.TotalSeconds:0} /s ({failed} failed)");
            var drained = Stopwatch.StartNew();
            var taken = await WaitForAsync(db, sim.TenantIds, published, start, TimeSpan.FromSeconds(300));
            Console.WriteLine($"taken in: {taken} of {published}, {drained.Elapsed.TotalSeconds:0.0} s after the last publish");
            await ReportAsync(db, sim.TenantIds, start);
            return taken == published && failed == 0 ? 0 : 1;
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    private static Task PublishAsync(IBus bus, ITenantEvent message) =>
        bus.Publish(message, message.GetType(), context => context.MessageId = NewId.NextGuid());

    private static async Task<(int Published, int Failed, TimeSpan Elapsed)> PublishSteadilyAsync(IBus bus, CallCenterSim sim, int rate, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var inFlight = new SemaphoreSlim(512);
        var pending = new List<Task>();
        int sent = 0, failed = 0;
        while (clock.Elapsed < duration)
        {
            var due = (int)(clock.Elapsed.TotalSeconds * rate);
            for (; sent < due; sent++)
            {
                await inFlight.WaitAsync();
                var message = sim.Next(DateTimeOffset.UtcNow);
                pending.Add(PublishAsync(bus, message).ContinueWith(t =>
                {
                    if (t.IsFaulted)
                    {
                        Interlocked.Increment(ref failed);
                    }
                    inFlight.Release();
                }, TaskScheduler.Default));
            }
            await Task.Delay(2);
        }
        var elapsed = clock.Elapsed;
        await Task.WhenAll(pending);
        return (sent, failed, elapsed);
    }

    private static async Task<long> WaitForAsync(NpgsqlDataSource db, IReadOnlyList<Guid> tenants, long expected, DateTimeOffset since, TimeSpan patience)
    {
        var last = -1L;
        var progress = Stopwatch.StartNew();
        while (true)
        {
            await using var connection = await db.OpenConnectionAsync();
            var count = await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM event_log WHERE tenant_id = ANY(@tenants) AND occurred_at >= @since", new { tenants = tenants.ToArray(), since });
            if (count >= expected)
            {
                return count;
            }
            if (count != last)
            {
                (last, progress) = (count, Stopwatch.StartNew());
            }
            else if (progress.Elapsed > patience)
            {
                return count;
            }
            await Task.Delay(100);
        }
    }

    private static async Task ReportAsync(NpgsqlDataSource db, IReadOnlyList<Guid> tenants, DateTimeOffset since)
    {
        await using var connection = await db.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<(DateTime OccurredAt, double LagMs)>("""
            SELECT occurred_at, extract(epoch FROM received_at - occurred_at) * 1000 AS lag_ms
            FROM event_log WHERE tenant_id = ANY(@tenants) AND occurred_at >= @since
            """, new { tenants = tenants.ToArray(), since })).ToList();
        Console.WriteLine($"lag (event's time → reporting's transaction): {Percentiles.Summary(rows.Select(r => r.LagMs), " ms")}");
        var first = rows.Min(r => r.OccurredAt);
        foreach (var window in rows.GroupBy(r => (int)((r.OccurredAt - first).TotalSeconds / 10)).OrderBy(g => g.Key))
        {
            Console.WriteLine($"  {window.Key * 10,3}-{window.Key * 10 + 10,3} s: {Percentiles.Summary(window.Select(r => r.LagMs), " ms")}");
        }
        var byType = await connection.QueryAsync<(string Type, long Count, double P99)>("""
            SELECT split_part(message_type, '.', 4) AS type, count(*) AS count,
                   percentile_disc(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - occurred_at) * 1000) AS p99
            FROM event_log WHERE tenant_id = ANY(@tenants) AND occurred_at >= @since GROUP BY 1 ORDER BY 2 DESC
            """, new { tenants = tenants.ToArray(), since });
        Console.WriteLine("  by type: " + string.Join(", ", byType.Select(t => $"{t.Type} {t.Count} (p99 {t.P99:0} ms)")));
    }
}
