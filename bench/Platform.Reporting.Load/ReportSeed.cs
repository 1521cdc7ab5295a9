using Dapper;
using Npgsql;

namespace Platform.Reporting.Load;

/// <summary>
/// A call center of <c>agents</c> agents (groups of 25, 50 queues of one project) with <c>days</c> days of history, written
/// straight into reporting's projections as the consumers would have left them: per queue 96 rows a day, per agent a day
/// row, a user day, 40 contacts called and a plan, and 120 state changes (08:00–16:00, every 4 minutes, then logged out).
/// </summary>
internal sealed record ReportSeed(Guid TenantId, Guid ProjectId, Guid[] Queues, Guid[] Agents, Guid[] Groups, DateOnly FirstDay, int Days)
{
    public const int GroupSize = 25, QueueCount = 50;

    public static async Task<ReportSeed> WriteAsync(NpgsqlDataSource db, int agents, int days, DateOnly lastDay)
    {
        var groups = Enumerable.Range(0, (agents + GroupSize - 1) / GroupSize).Select(_ => Guid.NewGuid()).ToArray();
        var seed = new ReportSeed(Guid.NewGuid(), Guid.NewGuid(), Enumerable.Range(0, QueueCount).Select(_ => Guid.NewGuid()).ToArray(),
            Enumerable.Range(0, agents).Select(_ => Guid.NewGuid()).ToArray(), groups, lastDay.AddDays(1 - days), days);
        const string sql = """
            INSERT INTO project_figures (tenant_id, project_id, name, direction, time_zone, started_at)
            VALUES (@T, @P, 'Bench', 'inbound', 'Europe/Prague', @From);
            INSERT INTO queues (tenant_id, queue_id, project_id, service_level_seconds, seen_at) SELECT @T, q, @P, 20, @From FROM unnest(@Queues) q;
            INSERT INTO queue_intervals (tenant_id, queue_id, interval_start, project_id, offered, answered, answered_within_threshold, abandoned,
                abandoned_within_threshold, answer_wait_seconds, longest_wait_seconds, handled, talk_seconds, hold_seconds, wrap_up_seconds)
            SELECT @T, q, @From + make_interval(mins => 15 * i), @P, 10 + r, 9 + r, 7 + r, 1, 1, (9 + r) * 14.0, 40 + r, 9 + r, (9 + r) * 240.0,
                   (9 + r) * 10.0, (9 + r) * 30.0
            FROM unnest(@Queues) q, generate_series(0, @Days * 96 - 1) i, LATERAL (SELECT (random() * 6)::int AS r) x;
            INSERT INTO agents (tenant_id, agent_id, user_id, name, group_id, changed_at)
            SELECT @T, a, a, 'Agent ' || n, (@Groups)[1 + (n - 1) / 25], @From FROM unnest(@Agents) WITH ORDINALITY AS x(a, n);
            INSERT INTO agent_days (tenant_id, agent_id, day, calls_handled, talk_seconds, hold_seconds, wrap_up_seconds, calls_in_band)
            SELECT @T, a, d::date, 40, 40 * 240.0, 40 * 10.0, 40 * 30.0, 15 FROM unnest(@Agents) a, generate_series(@From, @Last, interval '1 day') d;
            INSERT INTO user_days (tenant_id, user_id, day, outcomes, meetings, contracts)
            SELECT @T, a, d::date, 40, 4, 1 FROM unnest(@Agents) a, generate_series(@From, @Last, interval '1 day') d;
            INSERT INTO daily_plans (tenant_id, user_id, day, contacts, drawn_at)
            SELECT @T, a, d::date, 60, d FROM unnest(@Agents) a, generate_series(@From, @Last, interval '1 day') d;
            INSERT INTO user_day_contacts (tenant_id, user_id, day, contact_id)
            SELECT @T, a, d::date, gen_random_uuid() FROM unnest(@Agents) a, generate_series(@From, @Last, interval '1 day') d, generate_series(1, 40);
            INSERT INTO agent_state_changes (tenant_id, agent_id, at, state, pause_code)
            SELECT @T, a, d + interval '8 hours' + make_interval(mins => 4 * k), (ARRAY['available', 'on_call', 'wrap_up'])[k % 3 + 1], NULL
            FROM unnest(@Agents) a, generate_series(@From, @Last, interval '1 day') d, generate_series(0, 119) k
            UNION ALL
            SELECT @T, a, d + interval '16 hours', 'logged_out', NULL FROM unnest(@Agents) a, generate_series(@From, @Last, interval '1 day') d;
            ANALYZE;
            """;
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            T = seed.TenantId, P = seed.ProjectId, seed.Queues, seed.Agents, Groups = groups, Days = days,
            From = new DateTimeOffset(seed.FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            Last = new DateTimeOffset(lastDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        }, commandTimeout: 600));
        return seed;
    }
}
