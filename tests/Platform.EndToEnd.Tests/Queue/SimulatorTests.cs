using Dapper;
using Platform.CallSimulator;
using Platform.CallSimulator.Measuring;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Queue;

/// <summary>
/// The call simulator's engine through the gateway, for a few seconds: more calls than two agents can take, impatient
/// callers, some VIP, some callbacks. Every call must end answered, abandoned or rejected, none lost, none assigned
/// twice, and what the simulator counted must be what the queue service recorded. The simulator plays the PBX too: it
/// reads the command stream, rings, bridges and answers the callbacks' dial-outs.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SimulatorTests(PlatformUnderTest platform, ITestOutputHelper output)
{
    [Fact]
    public async Task A_short_overloaded_run_ends_every_call_with_none_lost_or_double_assigned_and_counts_as_the_queue_service_records()
    {
        var tenant = await platform.CreateTenantAsync("sim");
        using var gateway = platform.Gateway.CreateClient();
        gateway.Timeout = Timeout.InfiniteTimeSpan;
        var options = new SimulationOptions
        {
            Tenant = tenant.Slug, Username = "admin", Password = tenant.Password,
            Rate = 6, Duration = TimeSpan.FromSeconds(5), Agents = 2, HandleSeconds = 0.5, WrapUpSeconds = 0.1,
            PatienceSeconds = 1, VipShare = 0.2, CallbackShare = 0.2, AcceptMinMilliseconds = 5, AcceptMaxMilliseconds = 40,
            DrainTimeout = TimeSpan.FromSeconds(40), Seed = 4,
        };
        var simulation = new CallSimulation(gateway, options);

        var report = await simulation.RunAsync();
        var printed = new StringWriter();
        report.Print(printed);
        output.WriteLine(printed.ToString());

        Assert.True(report.Arrived >= 10, $"only {report.Arrived} calls arrived");
        Assert.Empty(report.LostCalls);
        Assert.Equal(0, report.DoubleAssignments);
        Assert.Equal(0, report.ArrivalsFailed);
        Assert.Equal(report.Arrived, report.Completed + report.Abandoned + report.Rejected);
        Assert.True(report.Completed > 0 && report.Abandoned > 0, $"{report.Completed} completed, {report.Abandoned} abandoned: both paths should run");
        Assert.Equal(report.Answered, report.Completed);
        Assert.Equal(report.Answered, report.ArrivedToOffered.Count - CountOfferedThenAbandoned(simulation));
        Assert.Equal(report.Arrived, report.Verified);
        // The PBX side: every device it was asked to ring was bridged or told to stop, and every answered call was
        // bridged or (a callback) dialled out exactly once.
        Assert.Empty(report.RingsUnsettled!);
        var commands = report.PbxCommands!;
        Assert.Equal(report.Answered, commands.GetValueOrDefault("bridge") + commands.GetValueOrDefault("dial_out"));
        Assert.True(commands.GetValueOrDefault("ring") >= report.Answered, $"{commands.GetValueOrDefault("ring")} rings for {report.Answered} answered calls");

        // The run required signed PBX requests (an unsigned one would have been refused 401 and counted as an error),
        // and the simulated PBX found every command batch signed by the platform.
        Assert.True(report.PbxSignedBatches > 0, "no command batch was checked");
        Assert.Equal(0, report.PbxBadlySignedBatches);

        await using var db = platform.Database("queue");
        Assert.True(await db.ExecuteScalarAsync<bool>("SELECT required FROM pbx_signing WHERE tenant_id = @Id", new { tenant.Id }));
        var recorded = (await db.QueryAsync<(Guid Id, string Status, Guid? AgentId)>(
            "SELECT id, status, agent_id FROM calls WHERE tenant_id = @Id", new { tenant.Id })).ToDictionary(c => c.Id);
        var ours = simulation.Ledger.Calls.Where(c => c.Ours).ToArray();
        Assert.Equal(recorded.Keys.Order(), ours.Select(c => c.Id).Order());
        foreach (var call in ours)
        {
            var (_, status, agentId) = recorded[call.Id];
            Assert.Equal(Expected(call.Outcome), status);
            Assert.Equal(call.AcceptedBy, agentId);
        }
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT count(*)::int FROM call_offers WHERE tenant_id = @Id", new { tenant.Id }));
        Assert.Equal(["logged_out"], await db.QueryAsync<string>("SELECT DISTINCT state FROM agents WHERE tenant_id = @Id", new { tenant.Id }));
    }

    [Fact]
    public async Task A_second_run_reuses_the_call_center_the_first_one_made()
    {
        var tenant = await platform.CreateTenantAsync("sim");
        using var gateway = platform.Gateway.CreateClient();
        gateway.Timeout = Timeout.InfiniteTimeSpan;
        var options = new SimulationOptions
        {
            Tenant = tenant.Slug, Username = "admin", Password = tenant.Password,
            Rate = 2, Duration = TimeSpan.FromSeconds(1), Agents = 2, HandleSeconds = 0.2, WrapUpSeconds = 0, PatienceSeconds = 30,
            AcceptMinMilliseconds = 0, AcceptMaxMilliseconds = 10, DrainTimeout = TimeSpan.FromSeconds(20), Seed = 9,
        };

        var first = new CallSimulation(gateway, options);
        await first.RunAsync();
        var second = new CallSimulation(gateway, options with { Agents = 3 });
        var report = await second.RunAsync();

        Assert.Equal(first.Center!.QueueId, second.Center!.QueueId);
        Assert.Equal(first.Center.Agents.Select(a => a.Id), second.Center.Agents.Take(2).Select(a => a.Id));
        Assert.Empty(report.LostCalls);
        await using var db = platform.Database("queue");
        Assert.Equal(3, await db.ExecuteScalarAsync<int>("SELECT count(*)::int FROM queue_members WHERE tenant_id = @Id", new { tenant.Id }));
    }

    private static int CountOfferedThenAbandoned(CallSimulation simulation) =>
        simulation.Ledger.Calls.Count(c => c.Ours && c.OfferSeenAt is not null && c.AcceptedBy is null);

    private static string Expected(CallOutcome outcome) => outcome switch
    {
        CallOutcome.Completed => "completed",
        CallOutcome.Abandoned => "abandoned",
        CallOutcome.Rejected => "rejected",
        _ => outcome.ToString(),
    };
}
