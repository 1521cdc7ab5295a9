using System.Net;
using System.Text.Json;
using Platform.CallSimulator.Agents;
using Platform.CallSimulator.Sampling;
using Platform.CallSimulator.Setup;

namespace Platform.CallSimulator.Campaigns;

/// <summary>
/// What a campaign's agent does (docs/dialer.md, "The modes"). A dial that holds the agent (preview, progressive) puts
/// them on its call at once: they wait for the attempt's result (GET campaign-dials/{id}); a person connected (those
/// modes, or predictive, which connects them only then) is talked to for an exponential handle time, hung up, and wrapped
/// up: in wrap-up the agent records the call's outcome in the CRM (<see cref="OutcomeMix"/>), which ends the campaign's lease.
/// A preview agent asks for a card, reads it for a moment and dials; when nothing is dialable now it asks again later.
/// </summary>
internal sealed class CampaignAgentWork(CallCenter.Agent agent, CampaignSeat seat, CampaignLedger ledger, SimulationOptions options, Random random)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(300);

    public async Task CallAsync(Guid dialId, CancellationToken stop)
    {
        var waitUntil = DateTime.UtcNow.AddSeconds(90);
        string? status;
        JsonElement dial = default;
        do
        {
            using var read = await agent.User.SendAsync(HttpMethod.Get, $"/api/queue/campaign-dials/{dialId}", null, "read campaign dial", stop);
            dial = read.IsSuccessStatusCode ? await Gateway.GatewayUser.JsonAsync(read, stop) : default;
            status = read.IsSuccessStatusCode ? dial.GetProperty("status").GetString() : null;
            if (status is "ringing" or "answered")
            {
                await Task.Delay(Poll, stop);
            }
        }
        while (status is "ringing" or "answered" && DateTime.UtcNow < waitUntil);
        if (status != "connected")
        {
            return; // no person: the platform made the agent available again
        }
        ledger.Connected(seat.Mode);
        await Task.Delay(TimeSpan.FromSeconds(Samplers.Exponential(random, options.HandleSeconds)), stop);
        using (var hungUp = await agent.User.SendAsync(HttpMethod.Post, $"/api/queue/calls/{dialId}/hangup", new { holdSeconds = 0 }, "hang up campaign call", stop))
        {
            if (!hungUp.IsSuccessStatusCode)
            {
                return;
            }
        }
        await Task.Delay(TimeSpan.FromSeconds(Samplers.AroundMean(random, options.WrapUpSeconds)), stop);
        var outcome = OutcomeMix.Draw(random, DateTimeOffset.UtcNow);
        using (var recorded = await agent.User.SendAsync(HttpMethod.Post, $"/api/clients/contacts/{dial.GetProperty("contactId").GetGuid()}/outcomes",
            new { disposition = outcome.Disposition, callId = dialId, nextContactAt = outcome.NextContactAt }, "record campaign outcome", stop))
        {
            ledger.OutcomeRecorded(seat.Mode, recorded.IsSuccessStatusCode ? outcome.Disposition : $"refused {(int)recorded.StatusCode}");
        }
        using var done = await agent.User.SendAsync(HttpMethod.Post, $"/api/queue/calls/{dialId}/wrapup-done", null, "wrap-up done", stop);
        if (done.IsSuccessStatusCode)
        {
            ledger.Completed(seat.Mode);
        }
    }

    public async Task PreviewAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var previewed = await agent.User.SendAsync(HttpMethod.Post, $"/api/queue/campaigns/{seat.CampaignId}/preview", new { }, "next preview", stop);
            if (previewed.StatusCode == HttpStatusCode.Conflict)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), stop); // nothing dialable now (or the campaign no longer runs)
                continue;
            }
            if (!previewed.IsSuccessStatusCode)
            {
                return;
            }
            var dialId = (await Gateway.GatewayUser.JsonAsync(previewed, stop)).GetProperty("id").GetGuid();
            await Task.Delay(random.Next(300, 1200), stop); // reads the card and the opening of the script
            using var dialed = await agent.User.SendAsync(HttpMethod.Post, $"/api/queue/campaign-dials/{dialId}/dial", new { }, "dial preview", stop);
            return; // the on-call view of the dial comes next
        }
    }
}
