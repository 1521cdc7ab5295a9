using Platform.CallSimulator.Gateway;
using Platform.CallSimulator.Setup;

namespace Platform.CallSimulator.Campaigns;

/// <summary>
/// A dialer run's outbound work, as an admin sets it up through the gateway: the first line's project open around the
/// clock (so no dial waits for opening hours), <see cref="SimulationOptions.CampaignContacts"/> contacts per dial mode with
/// consent to data processing and to calls, and one running campaign per mode (<see cref="SimulationOptions.CampaignModes"/>:
/// preview, progressive, predictive by default), the agents split evenly among them.
/// </summary>
public static class CampaignSetup
{
    public static async Task<IReadOnlyList<(Guid Id, string Mode)>> PrepareAsync(CallCenter center, SimulationOptions options, TextWriter log, CancellationToken ct)
    {
        var admin = center.Admin;
        var modes = options.CampaignModes;
        var projectId = center.Lines[0].ProjectId;
        var allWeek = Enum.GetNames<DayOfWeek>().ToDictionary(d => d.ToLowerInvariant(), _ => new { open = "00:00", close = "23:59" });
        using (var calendar = await admin.SendAsync(HttpMethod.Put, $"/api/clients/projects/{projectId}/calendar", new { weekdays = allWeek }, "open the calendar", ct))
        {
            await GatewayUser.EnsureAsync(calendar, "open the calendar", ct);
        }
        var runId = Guid.NewGuid().ToString("N")[..6];
        var total = options.CampaignContacts * modes.Length;
        log.WriteLine($"dialer run {runId}: {total} contacts with consent, {modes.Length} campaigns");
        var seed = new Random(options.Seed ?? Environment.TickCount);
        var start = seed.Next(100_000, 900_000 - total);
        await Parallel.ForAsync(0, total, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
        {
            using var created = await admin.SendAsync(HttpMethod.Post, $"/api/clients/projects/{projectId}/contacts",
                new { name = $"Dial {runId} {i}", phone = $"+420778{start + i:D6}" }, "create contact", token);
            if (!created.IsSuccessStatusCode)
            {
                return; // counted (a number already in the project from an earlier run: 409)
            }
            var id = (await GatewayUser.JsonAsync(created, token)).GetProperty("id").GetGuid();
            foreach (var purpose in new[] { "data_processing", "calls" })
            {
                using var consent = await admin.SendAsync(HttpMethod.Post, $"/api/clients/contacts/{id}/consents",
                    new { purpose, granted = true, source = "call simulator" }, "record consent", token);
            }
        });
        var campaigns = new List<(Guid, string)>();
        for (var m = 0; m < modes.Length; m++)
        {
            var agentIds = center.Agents.Where((_, i) => i % modes.Length == m).Select(a => a.Id).ToArray();
            using var created = await admin.SendAsync(HttpMethod.Post, "/api/queue/campaigns", new
            {
                projectId, name = $"Sim {modes[m]} {runId}", dialMode = modes[m], callerId = "+420 222 000 111",
                agentIds, ringSeconds = 25,
            }, "create campaign", ct);
            await GatewayUser.EnsureAsync(created, "create campaign", ct);
            campaigns.Add(((await GatewayUser.JsonAsync(created, ct)).GetProperty("id").GetGuid(), modes[m]));
        }
        return campaigns;
    }

    public static async Task ChangeAsync(CallCenter center, IEnumerable<(Guid Id, string Mode)> campaigns, string verb, CancellationToken ct)
    {
        foreach (var (id, _) in campaigns)
        {
            using var changed = await center.Admin.SendAsync(HttpMethod.Post, $"/api/queue/campaigns/{id}/{verb}", new { }, $"{verb} campaign", ct);
            await GatewayUser.EnsureAsync(changed, $"{verb} campaign", ct);
        }
    }
}
