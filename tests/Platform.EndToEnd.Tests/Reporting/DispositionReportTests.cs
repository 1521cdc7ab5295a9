using System.Net;
using System.Text.Json;
using Platform.Contracts.Contacts;
using Platform.Contracts.Queue;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>
/// The disposition report through the gateway against a hand count of results written as the clients service publishes them:
/// two agents in two groups, five results in two quarter-hours of the range, one result after the range and one of another project.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DispositionReportTests(PlatformUnderTest platform)
{
    private sealed record Mix(TestTenant Tenant, Guid ProjectId, DateTimeOffset T0, Guid AgentA, Guid AgentB, Guid GroupB);

    private async Task<Mix> PublishMixAsync()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.CreateProjectAsync("Dispositions")).CreatedIdAsync();
        var otherProject = await (await tenant.Admin.CreateProjectAsync("Another client")).CreatedIdAsync();
        await Eventually.HoldsAsync(async () => (await tenant.Admin.GetAsync($"/api/reporting/projects/{projectId}")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "reporting knows the project"); // a bound, not a timing: the shared machine can be slow
        var t = tenant.Id;
        var (agentA, userA, groupA, agentB, userB, groupB) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var t0 = BusEvents.QuarterHoursAgo(3);
        CallOutcomeRecorded Outcome(Guid project, Guid user, string disposition, string category, int seconds) =>
            new(t, Guid.NewGuid(), Guid.NewGuid(), project, user, Guid.NewGuid(), disposition, category, 120, null, t0.AddSeconds(seconds));
        await new BusEvents(platform).PublishAsync(
            new AgentChanged(t, agentA, userA, "Agent A", groupA, t0.AddMinutes(-5)),
            new AgentChanged(t, agentB, userB, "Agent B", groupB, t0.AddMinutes(-5)),
            Outcome(projectId, userA, "sale", "sale", 60),
            Outcome(projectId, userA, "not_interested", "not_interested", 120),
            Outcome(projectId, userB, "meeting", "meeting_set", 200),
            Outcome(projectId, userA, "not_interested", "not_interested", 16 * 60),
            Outcome(projectId, userB, "not_interested", "not_interested", 17 * 60),
            Outcome(projectId, userA, "sale", "sale", 40 * 60),           // after the range
            Outcome(otherProject, userA, "sale", "sale", 100));           // another project
        var mix = new Mix(tenant, projectId, t0, agentA, agentB, groupB);
        await Eventually.HoldsAsync(async () => (await ReportAsync(mix, $"&from={Uri.EscapeDataString(t0.ToString("O"))}&to={Uri.EscapeDataString(t0.AddHours(1).ToString("O"))}")).GetProperty("outcomes").GetInt64() == 6,
            TimeSpan.FromSeconds(15), "every result of the project counted");
        return mix;
    }

    private static string Range(Mix mix) =>
        $"&from={Uri.EscapeDataString(mix.T0.ToString("O"))}&to={Uri.EscapeDataString(mix.T0.AddMinutes(30).ToString("O"))}";

    private static async Task<JsonElement> ReportAsync(Mix mix, string query, HttpClient? client = null)
    {
        var response = await (client ?? mix.Tenant.Admin).GetAsync($"/api/reporting/projects/{mix.ProjectId}/dispositions?granularity=15m{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static Dictionary<string, (long Count, double? Share)> Cells(IEnumerable<JsonElement> rows) => rows.ToDictionary(
        r => r.GetProperty("disposition").GetString()!,
        r => (r.GetProperty("count").GetInt64(), r.GetProperty("share").ValueKind == JsonValueKind.Null ? (double?)null : r.GetProperty("share").GetDouble()));

    [Fact]
    public async Task Dispositions_are_counted_with_their_share_per_interval_agent_and_group_with_totals()
    {
        var mix = await PublishMixAsync();
        var report = await ReportAsync(mix, Range(mix));
        Assert.Equal(5, report.GetProperty("outcomes").GetInt64());
        var totals = Cells(report.GetProperty("totals").EnumerateArray());
        Assert.Equal((3L, (double?)0.6), (totals["not_interested"].Count, Math.Round(totals["not_interested"].Share!.Value, 10)));
        Assert.Equal(1, totals["sale"].Count);
        Assert.Equal(1, totals["meeting"].Count);

        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(6, rows.Count); // two quarter-hours x three dispositions, zeros included
        var first = Cells(rows.Where(r => r.GetProperty("start").GetDateTimeOffset() == mix.T0));
        var second = Cells(rows.Where(r => r.GetProperty("start").GetDateTimeOffset() == mix.T0.AddMinutes(15)));
        Assert.All(first.Values, c => Assert.Equal((1L, 1 / 3.0), (c.Count, c.Share!.Value), new ShareComparer()));
        Assert.Equal((2L, (double?)1.0), second["not_interested"]);
        Assert.Equal((0L, (double?)0.0), second["sale"]);
        Assert.Equal("meeting_set", rows.First(r => r.GetProperty("disposition").GetString() == "meeting").GetProperty("category").GetString());

        var byAgent = (await ReportAsync(mix, Range(mix) + "&by=agent")).GetProperty("rows").EnumerateArray().ToList();
        var a = Cells(byAgent.Where(r => r.GetProperty("agentId").GetGuid() == mix.AgentA));
        var b = Cells(byAgent.Where(r => r.GetProperty("agentId").GetGuid() == mix.AgentB));
        Assert.Equal((2L, 2 / 3.0), (a["not_interested"].Count, a["not_interested"].Share!.Value), new ShareComparer());
        Assert.Equal((0L, (double?)0.0), a["meeting"]);
        Assert.Equal((1L, (double?)0.5), b["meeting"]);
        Assert.Equal("Agent B", byAgent.First(r => r.GetProperty("agentId").GetGuid() == mix.AgentB).GetProperty("agentName").GetString());

        var groupB = await ReportAsync(mix, Range(mix) + $"&by=group&groupId={mix.GroupB}");
        Assert.Equal(2, groupB.GetProperty("outcomes").GetInt64());
        Assert.All(groupB.GetProperty("rows").EnumerateArray(), r => Assert.Equal(mix.GroupB, r.GetProperty("groupId").GetGuid()));
        var agentA = await ReportAsync(mix, Range(mix) + $"&agentId={mix.AgentA}");
        Assert.Equal(3, agentA.GetProperty("outcomes").GetInt64());
    }

    [Fact]
    public async Task The_export_lists_every_cell_then_a_total_per_disposition_and_client_viewers_see_no_agents()
    {
        var mix = await PublishMixAsync();
        var response = await mix.Tenant.Admin.GetAsync($"/api/reporting/projects/{mix.ProjectId}/dispositions?granularity=15m{Range(mix)}&format=csv");
        var csv = Csv.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.All(csv.Rows, r => Assert.Equal(csv.Header.Length, r.Length)); // empty cells (no agent by interval) keep their place
        Assert.Equal(1 + 6 + 3, csv.Rows.Count); // header, two quarter-hours x three dispositions, three totals
        var totals = csv.Records.Where(r => r["Start"] == "Total").ToDictionary(r => r["Disposition"]);
        Assert.Equal(3, totals.Count);
        Assert.Equal("3", totals["not_interested"]["Count"]);
        Assert.Equal(0.6, Csv.Number(totals["not_interested"]["Share"]), 10);
        var start = DateTimeOffset.Parse(csv.Records.First()["Start"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(mix.T0, start); // the project's zone (Prague), with its offset
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague").GetUtcOffset(mix.T0), start.Offset);

        var viewer = await platform.CreateUserAsync(mix.Tenant, [Roles.ClientViewer], [mix.ProjectId]);
        Assert.Equal(5, (await ReportAsync(mix, Range(mix), viewer)).GetProperty("outcomes").GetInt64());
        var refused = await viewer.GetAsync($"/api/reporting/projects/{mix.ProjectId}/dispositions?by=agent");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await mix.Tenant.Admin.GetAsync($"/api/reporting/projects/{mix.ProjectId}/dispositions?by=team")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mix.Tenant.Admin.GetAsync($"/api/reporting/projects/{Guid.NewGuid()}/dispositions")).StatusCode);
    }

    private sealed class ShareComparer : IEqualityComparer<(long Count, double Share)>
    {
        public bool Equals((long Count, double Share) x, (long Count, double Share) y) => x.Count == y.Count && Math.Abs(x.Share - y.Share) < 1e-9;

        public int GetHashCode((long Count, double Share) obj) => obj.Count.GetHashCode();
    }
}
