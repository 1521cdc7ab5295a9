using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Platform.Reporting.Load;

/// <summary>
/// Report latency for a big tenant: seeds <see cref="ReportSeed"/>, then asks the running reporting service over HTTP (an
/// admin's token signed with the development key) for each report <c>--requests</c> times, one at a time, after 10 unmeasured
/// requests each, and prints p50/p95/p99/max per report (the whole answer read).
/// </summary>
internal static class ReportsRun
{
    public static async Task<int> RunAsync(LoadOptions options)
    {
        int agents = options.Int("agents", 500), days = options.Int("days", 30), requests = options.Int("requests", 200);
        await using var db = NpgsqlDataSource.Create(options.ReportingDatabase());
        var lastDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var seeding = Stopwatch.StartNew();
        var seed = await ReportSeed.WriteAsync(db, agents, days, lastDay);
        Console.WriteLine($"seeded {agents} agents × {days} days, {ReportSeed.QueueCount} queues in {seeding.Elapsed.TotalSeconds:0} s (tenant {seed.TenantId})");

        using var http = new HttpClient { BaseAddress = new Uri(options.Text("url", "http://localhost:5714")), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(seed.TenantId));
        var random = new Random(7);
        string Day() => seed.FirstDay.AddDays(random.Next(days)).ToString("yyyy-MM-dd");
        var from = seed.FirstDay.ToString("yyyy-MM-dd");
        var to = lastDay.AddDays(1).ToString("yyyy-MM-dd");
        var reports = new (string Name, Func<string> Path)[]
        {
            ("agent day", () => $"/api/reporting/agents/{seed.Agents[random.Next(agents)]}/days/{Day()}"),
            ($"group day ({ReportSeed.GroupSize} agents)", () => $"/api/reporting/groups/{seed.Groups[random.Next(seed.Groups.Length)]}/days/{Day()}"),
            ($"queue {days} days in 15-minute rows", () => $"/api/reporting/queues/{seed.Queues[random.Next(ReportSeed.QueueCount)]}/intervals?from={from}&to={to}&granularity=15m"),
            ($"queue {days} days by day", () => $"/api/reporting/queues/{seed.Queues[random.Next(ReportSeed.QueueCount)]}/intervals?from={from}&to={to}&granularity=day"),
            ($"project summary ({ReportSeed.QueueCount} queues × {days} days)", () => $"/api/reporting/projects/{seed.ProjectId}"),
        };
        var failed = 0;
        foreach (var (name, path) in reports)
        {
            var times = new List<double>();
            long bytes = 0;
            for (var i = 0; i < requests + 10; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync(path());
                var body = await response.Content.ReadAsByteArrayAsync();
                clock.Stop();
                if (!response.IsSuccessStatusCode)
                {
                    failed++;
                    Console.WriteLine($"  {name}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)[..Math.Min(200, body.Length)]}");
                    break;
                }
                if (i >= 10)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    bytes = body.Length;
                }
            }
            Console.WriteLine($"{name,-40} {Percentiles.Summary(times, " ms")} ({bytes / 1024.0:0} kB)");
        }
        return failed == 0 ? 0 : 1;
    }

    private static string Token(Guid tenantId) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "platform",
        Audience = "platform",
        Subject = new ClaimsIdentity([
            new Claim("sub", Guid.NewGuid().ToString()), new Claim("name", "bench"), new Claim("tenant_id", tenantId.ToString()),
            new Claim("tenant", "bench"), new Claim("role", "admin"),
        ]),
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(
            new SymmetricSecurityKey("dev-only-signing-key-do-not-use-in-production-0123456789"u8.ToArray()), SecurityAlgorithms.HmacSha256),
    });
}
