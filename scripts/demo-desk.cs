#:property PublishAot=false
// demo-desk.cs - a desk for people beside the call simulator (`dotnet run scripts/demo-desk.cs -- <gateway> <tenant> <admin password>`,
// run by `make simulate`): once the simulator's project "Simulated hotline" exists, the demo users agent1 … agent5 get agent records
// working it and join its queue (beside the simulator's own agents), and the project gets a published script if it has none, so that
// a person signed in as agent1 in the browser is offered simulated calls with a script to walk. Idempotent: run it again, nothing doubles.
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

var (gateway, tenant, password) = (args[0], args[1], args[2]);
const string projectName = "Simulated hotline";
var http = new HttpClient { BaseAddress = new Uri(gateway) };
var token = (await (await http.PostAsJsonAsync("/api/auth/token", new { tenant, username = "admin", password })).Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

async Task<JsonNode> Get(string path) => JsonNode.Parse(await http.GetStringAsync(path))!;
async Task<JsonNode?> Send(HttpMethod method, string path, object body)
{
    using var response = await http.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
    var text = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
    return text.Length > 0 ? JsonNode.Parse(text) : null;
}

// The simulator sets its call center up when it starts: wait for its project and queue.
JsonNode? project = null, queue = null;
for (var i = 0; i < 240 && queue is null; i++)
{
    project = (await Get("/api/clients/projects")).AsArray().FirstOrDefault(p => p!["name"]!.GetValue<string>() == projectName);
    if (project is not null) queue = (await Get($"/api/queue/projects/{project["id"]}/queues")).AsArray().FirstOrDefault();
    if (queue is null) await Task.Delay(500);
}
if (queue is null) { Console.Error.WriteLine($"demo desk: no project \"{projectName}\" after 2 minutes"); return 1; }
var projectId = project!["id"]!.GetValue<string>();
var queueId = queue["id"]!.GetValue<string>();

var users = (await Get("/api/users")).AsArray();
var agents = (await Get("/api/queue/agents")).AsArray();
var ours = new List<string>();
foreach (var user in users.Where(u => u!["username"]!.GetValue<string>() is "agent1" or "agent2" or "agent3" or "agent4" or "agent5"))
{
    var userId = user!["id"]!.GetValue<string>();
    var agent = agents.FirstOrDefault(a => a!["userId"]?.GetValue<string>() == userId);
    var agentId = agent?["id"]!.GetValue<string>()
        ?? (await Send(HttpMethod.Post, "/api/queue/agents", new { name = user["displayName"]!.GetValue<string>(), userId, skills = Array.Empty<object>(), projectIds = new[] { projectId } }))!["id"]!.GetValue<string>();
    if (agent is not null)
    {
        var projects = agent["projectIds"]?.AsArray().Select(p => p!.GetValue<string>()).ToHashSet() ?? [];
        if (projects.Add(projectId)) await Send(HttpMethod.Put, $"/api/queue/agents/{agentId}/projects", projects.ToArray());
    }
    ours.Add(agentId);
}

var live = await Get($"/api/queue/queues/{queueId}");
var existing = (live["members"]?.AsArray() ?? []).Select(m => new { agentId = m!["agentId"]!.GetValue<string>(), tier = m["tier"]!.GetValue<int>() }).ToList();
var members = existing.Concat(ours.Where(id => existing.All(m => m.agentId != id)).Select(agentId => new { agentId, tier = 1 })).ToArray();
await Send(HttpMethod.Put, $"/api/queue/queues/{queueId}/members", members);

if (!(await http.GetAsync($"/api/scripts/projects/{projectId}/active-script")).IsSuccessStatusCode)
{
    var script = await Send(HttpMethod.Post, $"/api/scripts/projects/{projectId}/scripts", new
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
    });
    await Send(HttpMethod.Post, $"/api/scripts/scripts/{script!["id"]}/publish", new { });
}
Console.WriteLine($"demo desk: agent1 … agent5 take calls of \"{projectName}\" beside the simulator's agents ({members.Length} members)");
return 0;
