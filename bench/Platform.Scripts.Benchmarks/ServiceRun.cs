using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Scripts.Authoring.Model;
using Platform.Testing;

namespace Platform.Scripts.Benchmarks;

/// <summary>
/// <c>--service</c>: the real scripts service and gateway in process (tests/Platform.Testing) on the PostgreSQL and
/// RabbitMQ of scripts/infra.sh (TEST_PG_CONNECTION_STRING, TEST_RABBITMQ_URL). Imports and publishes the 500-step
/// script, opens a session, walks 100 steps, then times GET sessions/{id} one request at a time — straight to the
/// scripts service (in-memory transport: the handler, its query, rendering and JSON) and through the gateway — and
/// answer/back moves (a row lock, the move, the render, the update, the commit).
/// </summary>
internal static class ServiceRun
{
    public static async Task RunAsync(int requests)
    {
        PointHostsAtTheirProjects();
        var platform = new PlatformUnderTest();
        await platform.InitializeAsync();
        try
        {
            var tenant = await platform.CreateTenantAsync("bench");
            var admin = tenant.Admin;
            var project = await admin.PostAsJsonAsync("/api/clients/projects", new { name = "Benchmark", direction = "outbound", timeZone = "Europe/Prague" });
            var projectId = (await project.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            await Eventually.HoldsAsync(async () => (await admin.GetAsync($"/api/scripts/projects/{projectId}/scripts")).IsSuccessStatusCode,
                TimeSpan.FromSeconds(20), "the scripts service knows the project");
            var world = ScriptWorld.Build();
            var imported = await admin.PostAsync($"/api/scripts/projects/{projectId}/scripts/import",
                new StringContent(ScriptJson.Write(world.Document), System.Text.Encoding.UTF8, "application/json"));
            var scriptId = (await imported.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var publish = Stopwatch.StartNew();
            (await admin.PostAsync($"/api/scripts/scripts/{scriptId}/publish", null)).EnsureSuccessStatusCode();
            Console.WriteLine($"publish of the 500-step script (read, validate, store) through the gateway: {publish.Elapsed.TotalMilliseconds:0.0} ms");
            var started = await admin.PostAsJsonAsync($"/api/scripts/projects/{projectId}/sessions", new { });
            var sessionId = (await started.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            foreach (var (state, given) in world.Walk.Take(100))
            {
                (await admin.PostAsJsonAsync($"/api/scripts/sessions/{sessionId}/answers", new { stepId = state.Current, answer = given })).EnsureSuccessStatusCode();
            }
            var direct = platform.Scripts.CreateClient();
            direct.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
            Console.WriteLine("what                          count     p50 µs     p99 µs   p99.9 µs     max µs");
            await TimeAsync("GET /health/live (floor)", requests, () => direct.GetAsync("/health/live"));
            await TimeAsync("GET scripts list (2 SQL)", requests, () => direct.GetAsync($"/api/scripts/projects/{projectId}/scripts"));
            await TimeAsync("GET session (service)", requests, () => direct.GetAsync($"/api/scripts/sessions/{sessionId}"));
            await TimeAsync("GET session (gateway)", requests, () => admin.GetAsync($"/api/scripts/sessions/{sessionId}"));
            // Moves: answer the current step, then back to it (so the session stays where it is), each timed.
            var current = world.Walk[100].State.Current;
            var answer = world.Walk[100].Answer;
            string? next = null;
            var move = 0;
            await TimeAsync("answer or back (service)", requests, async () =>
            {
                if (move++ % 2 == 0)
                {
                    var answered = await direct.PostAsJsonAsync($"/api/scripts/sessions/{sessionId}/answers", new { stepId = current, answer });
                    next = (await answered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("step").GetProperty("stepId").GetString();
                    return answered;
                }
                return await direct.PostAsJsonAsync($"/api/scripts/sessions/{sessionId}/back", new { stepId = next });
            });
        }
        finally
        {
            await platform.DisposeAsync();
        }
    }

    /// <summary>WebApplicationFactory finds each service's content root from the environment when run outside a test project.</summary>
    private static void PointHostsAtTheirProjects()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "platform.sln")))
        {
            root = root.Parent;
        }
        var projects = new Dictionary<string, string>
        {
            ["Platform.Clients"] = "services/clients", ["Platform.Queue"] = "services/queue", ["Platform.Scripts"] = "services/scripts",
            ["Platform.Reporting"] = "services/reporting", ["Platform.Gateway"] = "gateway",
        };
        foreach (var (assembly, folder) in projects)
        {
            Environment.SetEnvironmentVariable($"ASPNETCORE_TEST_CONTENTROOT_{assembly.ToUpperInvariant().Replace('.', '_')}",
                Path.Combine(root?.FullName ?? ".", folder));
        }
    }

    private static async Task TimeAsync(string what, int count, Func<Task<HttpResponseMessage>> call)
    {
        for (var i = 0; i < Math.Min(200, count); i++)
        {
            (await call()).EnsureSuccessStatusCode();
        }
        var elapsed = new List<long>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var response = await call();
            var end = Stopwatch.GetTimestamp();
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            elapsed.Add(end - start);
        }
        LatencyRun.Print(what, [.. elapsed]);
    }
}
