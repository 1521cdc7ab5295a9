using System.Text.Json;
using Platform.Contracts.Contacts;
using Platform.Contracts.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>
/// The CSV exports as Excel in a European locale opens them, read from the bytes the gateway answers: the byte order mark,
/// <c>;</c> between fields, decimal comma, ISO 8601 times with the project zone's offset around a clock change (a local day
/// labelled as that day), the Total row, every interval a row, months for a project, and formula-like text neutralised.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ExportTests(PlatformUnderTest platform)
{
    private static DateTimeOffset Prague(string local) => DateTimeOffset.Parse(local, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();

    [Fact]
    public async Task Queue_and_project_exports_label_prague_days_and_months_with_their_offsets_and_end_with_a_total()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.CreateProjectAsync("Exports", timeZone: "Europe/Prague")).CreatedIdAsync();
        await Eventually.HoldsAsync(async () => (await tenant.Admin.GetAsync($"/api/reporting/projects/{projectId}")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(10), "reporting knows the project and its zone");
        var (t, queue) = (tenant.Id, Guid.NewGuid());
        // 00:30 on the day the clocks go forward (the previous UTC day), 23:30 that evening (summer time), one in January.
        var (early, late, january) = (Prague("2026-03-29T00:30:00+01:00"), Prague("2026-03-29T23:30:00+02:00"), Prague("2026-01-10T10:00:00+01:00"));
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await new BusEvents(platform).PublishAsync(
            new QueueConfigured(t, queue, projectId, "Hotline", 80, 20, january.AddDays(-1)),
            new CallQueued(t, a, queue, projectId, null, false, 0, 1, early, 20),
            new CallAnswered(t, a, queue, projectId, Guid.NewGuid(), null, 10, early.AddSeconds(10), null, 20),
            new CallQueued(t, b, queue, projectId, null, false, 0, 1, late, 20),
            new CallAnswered(t, b, queue, projectId, Guid.NewGuid(), null, 35, late.AddSeconds(35), null, 20),
            new CallQueued(t, c, queue, projectId, null, false, 0, 1, january, 20),
            new CallOutcomeRecorded(t, Guid.NewGuid(), Guid.NewGuid(), projectId, Guid.NewGuid(), b, "sale", "sale", 60, null, late.AddMinutes(5)));
        var days = $"/api/reporting/queues/{queue}/intervals?from=2026-03-28&to=2026-03-31&granularity=day&format=csv";
        await Eventually.HoldsAsync(async () =>
        {
            var response = await tenant.Admin.GetAsync(days);
            return response.IsSuccessStatusCode && Csv.Parse(await response.Content.ReadAsByteArrayAsync()).Rows[^1] is { } total
                && total[Array.IndexOf(Csv.Parse(await response.Content.ReadAsByteArrayAsync()).Header, "Answered")] == "2";
        }, TimeSpan.FromSeconds(15), "both March answers counted");

        var response = await tenant.Admin.GetAsync(days);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = Csv.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("Start", csv.Header[0]);
        Assert.Equal(["2026-03-28T00:00:00+01:00", "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00", "Total"], csv.Rows.Skip(1).Select(r => r[0]));
        var sunday = csv.Records.ElementAt(1);
        Assert.Equal("2", sunday["Offered"]);              // the 00:30 call is Sunday's, not Saturday's (UTC)
        Assert.Equal("0,5", sunday["ServiceLevel"]);       // decimal comma: one of two within 20 s
        Assert.Equal("22,5", sunday["AverageSpeedOfAnswer"]);
        Assert.Equal("0", csv.Records.ElementAt(0)["Offered"]); // an empty day is a zero row
        Assert.Equal("", csv.Records.ElementAt(0)["ServiceLevel"]); // no base: no figure
        Assert.Equal("2", csv.Records.Last()["Offered"]);

        var quarters = Csv.Parse(await (await tenant.Admin.GetAsync(
            $"/api/reporting/queues/{queue}/intervals?from=2026-03-29&to=2026-03-30&format=csv")).Content.ReadAsByteArrayAsync());
        Assert.Equal(1 + 92 + 1, quarters.Rows.Count); // 23 hours of quarter hours between the header and the Total
        Assert.Equal("2026-03-29T03:00:00+02:00", quarters.Rows[1 + 8][0]); // 02:00 does not exist that day

        var months = Csv.Parse(await (await tenant.Admin.GetAsync(
            $"/api/reporting/projects/{projectId}/intervals?from=2026-01-01&to=2026-04-01&granularity=month&format=csv")).Content.ReadAsByteArrayAsync());
        Assert.Equal(["2026-01-01T00:00:00+01:00", "2026-02-01T00:00:00+01:00", "2026-03-01T00:00:00+01:00", "Total"], months.Rows.Skip(1).Select(r => r[0]));
        Assert.Equal(["1", "0", "2", "3"], months.Records.Select(r => r["Offered"]));
        Assert.Equal(["0", "0", "1", "1"], months.Records.Select(r => r["ContractsSigned"]));
        var json = await (await tenant.Admin.GetAsync($"/api/reporting/projects/{projectId}/intervals?from=2026-01-01&to=2026-04-01&granularity=month")).JsonAsync();
        Assert.Equal(3, json.GetProperty("total").GetProperty("offered").GetInt64());
    }

    [Fact]
    public async Task Text_that_would_be_a_formula_is_neutralised_and_numbers_stay_numbers()
    {
        var tenant = await platform.CreateTenantAsync();
        await (await tenant.Admin.CreateProjectAsync("Formulas")).CreatedIdAsync();
        var (t, group, agent) = (tenant.Id, Guid.NewGuid(), Guid.NewGuid());
        const string name = "=HYPERLINK(\"http://evil.example\";\"click\")";
        await new BusEvents(platform).PublishAsync(
            new AgentChanged(t, agent, null, name, group, DateTimeOffset.UtcNow.AddMinutes(-5)),
            new AgentChanged(t, Guid.NewGuid(), null, "@SUM(A1)", group, DateTimeOffset.UtcNow.AddMinutes(-5)),
            new AgentChanged(t, Guid.NewGuid(), null, "Ordinary; with a separator", group, DateTimeOffset.UtcNow.AddMinutes(-5)));
        var path = $"/api/reporting/groups/{group}/days/2026-03-29?format=csv";
        await Eventually.HoldsAsync(async () =>
        {
            var response = await tenant.Admin.GetAsync(path);
            return response.IsSuccessStatusCode && Csv.Parse(await response.Content.ReadAsByteArrayAsync()).Rows.Count == 1 + 3 + 1;
        }, TimeSpan.FromSeconds(15), "the group's three agents");
        var csv = Csv.Parse(await (await tenant.Admin.GetAsync(path)).Content.ReadAsByteArrayAsync());
        var names = csv.Records.Select(r => r["Name"]).ToList();
        Assert.Contains("'" + name, names);
        Assert.Contains("'@SUM(A1)", names);
        Assert.Contains("Ordinary; with a separator", names); // quoted by the writer, read back whole
        Assert.All(csv.Records, r => Assert.Equal("0", r["CallsHandled"]));
        Assert.Equal("Total", csv.Rows[^1][0]);
    }
}
