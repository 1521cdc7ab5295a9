using System.Text.Json;
using Platform.CallSimulator.Gateway;

namespace Platform.CallSimulator.Setup;

/// <summary>
/// A desk for people beside the simulator (<c>scripts/demo-desk.cs</c>, run by <c>make simulate</c>): once the simulator's
/// project exists, the tenant's users agent1 … agent5 get agent records working it and join its queue beside the simulated
/// agents, and the project gets a published script if it has none, so that a person signed in as agent1 is offered
/// simulated calls — most from the simulator's regular callers (<see cref="CallerBook"/>), contacts of the project — with
/// a script to walk and an outcome to record. Idempotent: run again, nothing doubles.
/// </summary>
public static class DemoDesk
{
    public static readonly string[] Usernames = ["agent1", "agent2", "agent3", "agent4", "agent5"];

    /// <returns>The number of queue members after the desk joined, or null when the project did not appear in time.</returns>
    public static async Task<int?> SeatAsync(GatewayUser admin, string projectName, TimeSpan wait, CancellationToken ct)
    {
        var (projectId, queueId) = await LineAsync(admin, projectName, wait, ct);
        if (projectId is null || queueId is null)
        {
            return null;
        }
        var users = await admin.GetJsonAsync("/api/users", "list users", ct);
        var agents = await admin.GetJsonAsync("/api/queue/agents", "list agents", ct);
        var ours = new List<Guid>();
        foreach (var user in users.EnumerateArray().Where(u => Usernames.Contains(u.GetProperty("username").GetString())))
        {
            ours.Add(await AgentOfAsync(admin, user, agents, projectId.Value, ct));
        }

        var queue = await admin.GetJsonAsync($"/api/queue/queues/{queueId}", "read queue", ct);
        var members = queue.TryGetProperty("members", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(m => new Member(m.GetProperty("agentId").GetGuid(), m.GetProperty("tier").GetInt32())).ToList()
            : [];
        members.AddRange(ours.Where(id => members.All(m => m.AgentId != id)).Select(id => new Member(id, 1)));
        await SendAsync(admin, HttpMethod.Put, $"/api/queue/queues/{queueId}/members", members.Select(m => new { agentId = m.AgentId, tier = m.Tier }).ToArray(), "set queue members", ct);

        using (var active = await admin.SendAsync(HttpMethod.Get, $"/api/scripts/projects/{projectId}/active-script", null, "active script", ct))
        {
            if (!active.IsSuccessStatusCode)
            {
                var script = await SendAsync(admin, HttpMethod.Post, $"/api/scripts/projects/{projectId}/scripts", Script, "create script", ct);
                await SendAsync(admin, HttpMethod.Post, $"/api/scripts/scripts/{script!.Value.GetProperty("id").GetGuid()}/publish", new { }, "publish script", ct);
            }
        }
        return members.Count;
    }

    private sealed record Member(Guid AgentId, int Tier);

    /// <summary>The simulator sets its call center up when it starts: wait for its project and queue.</summary>
    private static async Task<(Guid? Project, Guid? Queue)> LineAsync(GatewayUser admin, string projectName, TimeSpan wait, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var project = (await admin.GetJsonAsync("/api/clients/projects", "list projects", ct)).EnumerateArray()
                .FirstOrDefault(p => p.GetProperty("name").GetString() == projectName);
            if (project.ValueKind == JsonValueKind.Object)
            {
                var projectId = project.GetProperty("id").GetGuid();
                using var queues = await admin.SendAsync(HttpMethod.Get, $"/api/queue/projects/{projectId}/queues", null, "list queues", ct);
                if (queues.IsSuccessStatusCode)
                {
                    var queue = (await GatewayUser.JsonAsync(queues, ct)).EnumerateArray().FirstOrDefault();
                    if (queue.ValueKind == JsonValueKind.Object)
                    {
                        return (projectId, queue.GetProperty("id").GetGuid());
                    }
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                return (null, null);
            }
            await Task.Delay(500, ct);
        }
    }

    private static async Task<Guid> AgentOfAsync(GatewayUser admin, JsonElement user, JsonElement agents, Guid projectId, CancellationToken ct)
    {
        var userId = user.GetProperty("id").GetGuid();
        var agent = agents.EnumerateArray().FirstOrDefault(a => a.GetProperty("userId").ValueKind == JsonValueKind.String && a.GetProperty("userId").GetGuid() == userId);
        if (agent.ValueKind != JsonValueKind.Object)
        {
            var created = await SendAsync(admin, HttpMethod.Post, "/api/queue/agents",
                new { name = user.GetProperty("displayName").GetString(), userId, skills = Array.Empty<object>(), projectIds = new[] { projectId } }, "create agent", ct);
            return created!.Value.GetProperty("id").GetGuid();
        }
        var agentId = agent.GetProperty("id").GetGuid();
        var projects = agent.TryGetProperty("projectIds", out var ids) && ids.ValueKind == JsonValueKind.Array
            ? ids.EnumerateArray().Select(p => p.GetGuid()).ToHashSet() : [];
        if (projects.Add(projectId))
        {
            await SendAsync(admin, HttpMethod.Put, $"/api/queue/agents/{agentId}/projects", projects.ToArray(), "set agent projects", ct);
        }
        return agentId;
    }

    private static async Task<JsonElement?> SendAsync(GatewayUser admin, HttpMethod method, string path, object body, string operation, CancellationToken ct)
    {
        using var response = await admin.SendAsync(method, path, body, operation, ct);
        await GatewayUser.EnsureAsync(response, $"{method} {path}", ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : null;
    }

    /// <summary>A guided hotline script; its end suggests the catalogue's "resolved" (every project has it by default).</summary>
    private static readonly object Script = new
    {
        name = "Hotline welcome", mode = "guided", start = "greeting",
        steps = new object[]
        {
            new { type = "say", id = "greeting", text = "Good day, this is {{agent.name}} at the {{project.name}}. How can I help?", next = "topic" },
            new { type = "question", id = "topic", text = "What is the call about?", kind = "single", options = new object[]
            {
                new { value = "order", label = "An order", next = "order" }, new { value = "complaint", label = "A complaint", next = "complaint" },
                new { value = "other", label = "Something else", next = "note" },
            } },
            new { type = "say", id = "order", text = "Take the order number and check its status.", next = "bye" },
            new { type = "say", id = "complaint", text = "Listen, apologise, and note what went wrong.", next = "bye" },
            new { type = "question", id = "note", text = "What did the caller ask?", kind = "text", next = "bye" },
            new { type = "objection", id = "busy", label = "No time now", text = "When may we call you back?" },
            new { type = "end", id = "bye", disposition = "resolved" },
        },
    };
}
