using Dapper;
using Platform.CallSimulator;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Telephony;

/// <summary>The call simulator plays the PBX receiving its commands by push (<c>--pbx-webhook</c>) through the whole platform.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SimulatorByWebhookTests(PlatformUnderTest platform, ITestOutputHelper output)
{
    [Fact]
    public async Task A_run_with_commands_pushed_to_the_simulated_pbx_ends_every_call_and_settles_every_ring()
    {
        var tenant = await platform.CreateTenantAsync("simhook");
        using var gateway = platform.Gateway.CreateClient();
        gateway.Timeout = Timeout.InfiniteTimeSpan;
        var options = new SimulationOptions
        {
            Tenant = tenant.Slug, Username = "admin", Password = tenant.Password,
            Rate = 4, Duration = TimeSpan.FromSeconds(4), Agents = 2, HandleSeconds = 0.5, WrapUpSeconds = 0.1,
            PatienceSeconds = 2, VipShare = 0.2, CallbackShare = 0.3, AcceptMinMilliseconds = 5, AcceptMaxMilliseconds = 40,
            DrainTimeout = TimeSpan.FromSeconds(40), Seed = 7,
            PbxWebhook = new Uri($"http://127.0.0.1:{FreePorts.Next()}/pbx/"),
        };
        var simulation = new CallSimulation(gateway, options);

        var report = await simulation.RunAsync();
        var printed = new StringWriter();
        report.Print(printed);
        output.WriteLine(printed.ToString());

        Assert.True(report.Arrived >= 5, $"only {report.Arrived} calls arrived");
        Assert.Empty(report.LostCalls);
        Assert.Equal(0, report.DoubleAssignments);
        Assert.Equal(report.Arrived, report.Completed + report.Abandoned + report.Rejected);
        Assert.Empty(report.RingsUnsettled!);
        var commands = report.PbxCommands!;
        Assert.Equal(report.Answered, commands.GetValueOrDefault("bridge") + commands.GetValueOrDefault("dial_out"));
        Assert.True(report.PbxPushedBatches > 0, "no batch was pushed");
        Assert.Equal(report.PbxSignedBatches, report.PbxPushedBatches); // every batch came by push, none was read from the stream
        Assert.Equal(0, report.PbxBadlySignedBatches);

        await using var db = platform.Database("queue");
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT count(*)::int FROM pbx_commands WHERE tenant_id = @Id AND acked_at IS NULL", new { tenant.Id }));
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT count(*)::int FROM pbx_webhooks WHERE tenant_id = @Id", new { tenant.Id })); // removed after the run
    }
}
