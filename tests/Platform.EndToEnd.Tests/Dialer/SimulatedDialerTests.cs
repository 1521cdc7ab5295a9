using Dapper;
using Platform.CallSimulator;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Dialer;

/// <summary>
/// The call simulator's dialer run through the gateway (what bench/dialer-load.sh runs at scale): a preview, a progressive
/// and a predictive campaign dial their contacts, the simulated PBX answers every dial_out with its mix and signs, the
/// simulated agents preview, talk, record each call's outcome in the CRM and wrap up; every dial reaches an end.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SimulatedDialerTests(PlatformUnderTest platform, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_mode_dials_and_every_dial_reaches_an_end_with_people_connected_to_agents()
    {
        var tenant = await platform.CreateTenantAsync("simd");
        using var gateway = platform.Gateway.CreateClient();
        gateway.Timeout = Timeout.InfiniteTimeSpan;
        var options = new SimulationOptions
        {
            Tenant = tenant.Slug, Username = "admin", Password = tenant.Password, ProjectName = "Simulated renewals",
            CampaignContacts = 15, Agents = 6, Duration = TimeSpan.FromSeconds(10), HandleSeconds = 0.5, WrapUpSeconds = 0.1,
            DrainTimeout = TimeSpan.FromSeconds(60), Seed = 7,
        };
        var simulation = new CallSimulation(gateway, options);

        var report = await simulation.RunAsync();
        var printed = new StringWriter();
        report.Print(printed);
        simulation.Campaigns!.Print(printed);
        output.WriteLine(printed.ToString());

        var campaigns = simulation.Campaigns!.Campaigns;
        Assert.Equal(["preview", "progressive", "predictive"], campaigns.Select(c => c.Mode));
        Assert.All(campaigns, c => Assert.True(c.Dialed > 0, $"{c.Mode} placed no dial"));
        Assert.Equal(0, simulation.Campaigns.Unfinished);
        Assert.True(campaigns.Sum(c => c.Connected) > 0, "nobody was connected");
        // Each person the platform connected is one the simulated agents talked to (no connect without its agent).
        Assert.All(campaigns, c => Assert.Equal(c.Connected, c.AgentsConnected));
        // Every dial has one result: the results add up to the dials.
        Assert.All(campaigns, c => Assert.Equal(c.Dialed, c.Results.Values.Sum()));
        // After each call a person answered, the agent recorded its outcome in the CRM (none refused), as an agent's outcome on
        // that call: the campaign's lease of the contact ended with it.
        Assert.All(campaigns, c => Assert.Equal(c.Connected, c.Outcomes.Values.Sum()));
        Assert.All(campaigns, c => Assert.DoesNotContain(c.Outcomes.Keys, d => d.StartsWith("refused", StringComparison.Ordinal)));
        await using (var crm = platform.Database("clients"))
        {
            var byAgents = await crm.QuerySingleAsync<int>("""
                SELECT count(*)::int FROM call_outcomes WHERE tenant_id = @Id AND agent_id <> '00000000-0000-0000-0000-000000000000' AND call_id IS NOT NULL
                """, new { tenant.Id });
            Assert.Equal(campaigns.Sum(c => c.Connected), byAgents);
        }
        Assert.Equal(0, report.DoubleAssignments);
        Assert.Equal(0, report.PbxBadlySignedBatches);
    }
}
