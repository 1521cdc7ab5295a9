using System.Text.Json;
using Platform.CallSimulator.Gateway;
using Platform.CallSimulator.Measuring;

namespace Platform.CallSimulator.Setup;

/// <summary>
/// Makes (or finds again) the simulator's call center through the gateway, as a tenant admin would: a project with its
/// default queue, a PBX user with the telephony role, N agent users with agent records working the project, all members
/// of the queue. Idempotent: users and agents are found by name and reused. Their passwords are derived from the admin's
/// (an HMAC of the username), so a second run signs in without resetting them — password hashing is the dearest thing the
/// gateway does — and nothing is stored; whoever knows the admin's password may reset any of them anyway.
/// </summary>
public sealed class CallCenterSetup(HttpClient http, SimulationOptions options, CallLedger ledger, TextWriter log)
{

    public async Task<CallCenter> PrepareAsync(CancellationToken ct)
    {
        var admin = new GatewayUser(http, options.Tenant, options.Username, options.Password, ledger);
        await admin.SignInAsync(ct);
        var lines = new List<CallCenter.Line>();
        for (var line = 1; line <= options.Queues; line++)
        {
            var name = line == 1 ? options.ProjectName : $"{options.ProjectName} {line}";
            var projectId = await ProjectAsync(admin, name, ct);
            var queueId = await DefaultQueueAsync(admin, projectId, ct);
            await ConfigureQueueAsync(admin, queueId, name, ct);
            await CallersAsync(admin, projectId, line - 1, ct);
            lines.Add(new CallCenter.Line(projectId, queueId));
        }

        var users = (await admin.GetJsonAsync("/api/users", "list users", ct)).EnumerateArray()
            .ToDictionary(u => u.GetProperty("username").GetString()!, u => u.GetProperty("id").GetGuid());
        users[$"{options.UserPrefix}-pbx"] = await UserAsync(admin, users, $"{options.UserPrefix}-pbx", "Simulated PBX", "telephony", ct);
        var agentNames = Enumerable.Range(1, options.Agents).Select(i => $"{options.UserPrefix}-agent-{i:000}").ToArray();
        var agentUsers = new (string Name, Guid UserId)[agentNames.Length];
        await Parallel.ForAsync(0, agentNames.Length, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
            agentUsers[i] = (agentNames[i], await UserAsync(admin, users, agentNames[i], $"Sim Agent {i + 1:000}", "agent", token)));
        foreach (var (name, id) in agentUsers)
        {
            users[name] = id;
        }

        var agentIds = await AgentRecordsAsync(admin, lines, agentUsers, ct);
        if (options.PlayPbx)
        {
            // Each agent's phone: extension 1001, 1002, … (the simulated PBX "rings" it).
            await Parallel.ForAsync(0, agentIds.Length, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
            {
                using var response = await admin.SendAsync(HttpMethod.Put, $"/api/queue/agents/{agentIds[i]}/device", new { extension = $"{1001 + i}" }, "set device", token);
                await GatewayUser.EnsureAsync(response, "set device", token);
            });
        }
        for (var line = 0; line < lines.Count; line++)
        {
            var members = agentIds.Where((_, i) => CallCenter.LineOf(i, lines.Count) == line).Select(id => new { agentId = id, tier = 1 }).ToArray();
            using var response = await admin.SendAsync(HttpMethod.Put, $"/api/queue/queues/{lines[line].QueueId}/members", members, "set queue members", ct);
            await GatewayUser.EnsureAsync(response, "set queue members", ct);
        }

        var pbxUser = await SignedInAsync(admin, users, $"{options.UserPrefix}-pbx", ct);
        var agents = new CallCenter.Agent[agentUsers.Length];
        log.WriteLine($"signing in {agents.Length} agents");
        await Parallel.ForAsync(0, agents.Length, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
        {
            var user = await SignedInAsync(admin, users, agentUsers[i].Name, token);
            agents[i] = new CallCenter.Agent(agentIds[i], agentUsers[i].Name, user);
        });
        return new CallCenter(lines, admin, pbxUser, agents) { KnownCallers = lines.Select((_, i) => CallerBook.NumbersOf(i)).ToArray() };
    }

    /// <summary>The line's regular callers as contacts of its project; one made by an earlier run is a 409, and kept.</summary>
    private async Task CallersAsync(GatewayUser admin, Guid projectId, int line, CancellationToken ct)
    {
        var made = 0;
        for (var i = 0; i < CallerBook.Size; i++)
        {
            var (name, phone) = CallerBook.Caller(line, i);
            using var created = await admin.SendAsync(HttpMethod.Post, $"/api/clients/projects/{projectId}/contacts",
                new { kind = "person", name, phone, timeZone = "Europe/Prague" }, "create caller contact", ct);
            if (created.StatusCode != System.Net.HttpStatusCode.Conflict)
            {
                await GatewayUser.EnsureAsync(created, $"create the caller {name}", ct);
                made++;
            }
        }
        if (made > 0)
        {
            log.WriteLine($"{made} regular callers added to the CRM of line {line + 1}");
        }
    }

    private async Task<Guid> ProjectAsync(GatewayUser admin, string name, CancellationToken ct)
    {
        var projects = await admin.GetJsonAsync("/api/clients/projects", "list projects", ct);
        foreach (var project in projects.EnumerateArray())
        {
            if (project.GetProperty("name").GetString() == name)
            {
                return project.GetProperty("id").GetGuid();
            }
        }
        using var created = await admin.SendAsync(HttpMethod.Post, "/api/clients/projects",
            new { name, direction = "inbound", timeZone = "Europe/Prague" }, "create project", ct);
        await GatewayUser.EnsureAsync(created, "create project", ct);
        log.WriteLine($"created project \"{name}\"");
        return (await GatewayUser.JsonAsync(created, ct)).GetProperty("id").GetGuid();
    }

    /// <summary>The queue service makes a project's default queue when it hears of the project: wait for it.</summary>
    private static async Task<Guid> DefaultQueueAsync(GatewayUser admin, Guid projectId, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await admin.SendAsync(HttpMethod.Get, $"/api/queue/projects/{projectId}/queues", null, "list queues", ct);
            if (response.IsSuccessStatusCode)
            {
                foreach (var queue in (await GatewayUser.JsonAsync(response, ct)).EnumerateArray())
                {
                    if (queue.GetProperty("isDefault").GetBoolean())
                    {
                        return queue.GetProperty("id").GetGuid();
                    }
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The queue service made no default queue for project {projectId} within 60 s.");
            }
            await Task.Delay(250, ct);
        }
    }

    /// <summary>
    /// Longest idle, an offer timeout well above the agents' answer delay, and a wrap-up limit above the longest wrap-up
    /// the agents draw (they end it themselves; the queue's limit is the safety net).
    /// </summary>
    private async Task ConfigureQueueAsync(GatewayUser admin, Guid queueId, string name, CancellationToken ct)
    {
        var settings = new
        {
            name,
            strategy = "longest_idle",
            wrapUpSeconds = (int)Math.Ceiling(options.WrapUpSeconds * 1.5) + 10,
            offerTimeoutSeconds = Math.Clamp((int)Math.Ceiling(options.AcceptMaxMilliseconds / 1000.0) + 10, 3, 120),
            defaultHandleSeconds = Math.Max(1, (int)Math.Round(options.HandleSeconds)),
            whenNoAgents = "wait",
            callbackMaxAttempts = 1,   // a dial-out retry comes minutes later, past any run's drain: each callback is dialled once
            announceEverySeconds = options.AnnounceEverySeconds,
        };
        using var response = await admin.SendAsync(HttpMethod.Put, $"/api/queue/queues/{queueId}", settings, "configure queue", ct);
        await GatewayUser.EnsureAsync(response, "configure queue", ct);
    }

    private string PasswordOf(string username) =>
        "sim-" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(options.Password), System.Text.Encoding.UTF8.GetBytes($"{options.Tenant}/{username}")))[..32];

    /// <summary>Signs the user in with their derived password; a user made before (another admin password) gets it set first.</summary>
    private async Task<GatewayUser> SignedInAsync(GatewayUser admin, Dictionary<string, Guid> users, string username, CancellationToken ct)
    {
        var user = new GatewayUser(http, options.Tenant, username, PasswordOf(username), ledger);
        if (await user.TrySignInAsync(ct))
        {
            return user;
        }
        using (var reset = await admin.SendAsync(HttpMethod.Put, $"/api/users/{users[username]}/password", new { password = PasswordOf(username) }, "set password", ct))
        {
            await GatewayUser.EnsureAsync(reset, $"set the password of {username}", ct);
        }
        await user.SignInAsync(ct);
        return user;
    }

    private async Task<Guid> UserAsync(GatewayUser admin, Dictionary<string, Guid> existing, string username, string displayName, string role, CancellationToken ct)
    {
        if (existing.TryGetValue(username, out var id))
        {
            return id;
        }
        var password = PasswordOf(username);
        using var created = await admin.SendAsync(HttpMethod.Post, "/api/users",
            new { username, displayName, password, roles = new[] { role } }, "create user", ct);
        await GatewayUser.EnsureAsync(created, $"create user {username}", ct);
        return (await GatewayUser.JsonAsync(created, ct)).GetProperty("id").GetGuid();
    }

    /// <summary>An agent record per user (found by user id), working the project of their line.</summary>
    private static async Task<Guid[]> AgentRecordsAsync(GatewayUser admin, List<CallCenter.Line> lines, (string Name, Guid UserId)[] users, CancellationToken ct)
    {
        var existing = new Dictionary<Guid, JsonElement>();
        foreach (var agent in (await admin.GetJsonAsync("/api/queue/agents", "list agents", ct)).EnumerateArray())
        {
            if (agent.GetProperty("userId").ValueKind == JsonValueKind.String)
            {
                existing[agent.GetProperty("userId").GetGuid()] = agent;
            }
        }
        var ids = new Guid[users.Length];
        await Parallel.ForAsync(0, users.Length, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
        {
            var (name, userId) = users[i];
            var projectId = lines[CallCenter.LineOf(i, lines.Count)].ProjectId;
            if (existing.TryGetValue(userId, out var agent))
            {
                ids[i] = agent.GetProperty("id").GetGuid();
                if (!agent.GetProperty("projectIds").EnumerateArray().Any(p => p.GetGuid() == projectId))
                {
                    var projects = agent.GetProperty("projectIds").EnumerateArray().Select(p => p.GetGuid()).Append(projectId).ToArray();
                    using var changed = await admin.SendAsync(HttpMethod.Put, $"/api/queue/agents/{ids[i]}/projects", projects, "set agent projects", token);
                    await GatewayUser.EnsureAsync(changed, $"give {name} the project", token);
                }
                return;
            }
            using var created = await admin.SendAsync(HttpMethod.Post, "/api/queue/agents", new { name, userId, projectIds = new[] { projectId } }, "create agent", token);
            await GatewayUser.EnsureAsync(created, $"create agent {name}", token);
            ids[i] = (await GatewayUser.JsonAsync(created, token)).GetProperty("id").GetGuid();
        });
        return ids;
    }
}
