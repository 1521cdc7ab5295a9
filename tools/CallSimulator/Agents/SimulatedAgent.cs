using System.Threading.Channels;
using Platform.CallSimulator.Campaigns;
using Platform.CallSimulator.Gateway;
using Platform.CallSimulator.Measuring;
using Platform.CallSimulator.Sampling;
using Platform.CallSimulator.Setup;

namespace Platform.CallSimulator.Agents;

/// <summary>
/// One agent at their desk: listens to their push channel, logs in, answers each offer after a short delay, talks for an
/// exponential time, hangs up, wraps up, and is available again. Two loops: the listener sees every view (and checks what
/// the agent is shown against what they hold); the worker acts on the latest view only, one call at a time.
/// </summary>
public sealed class SimulatedAgent(CallCenter.Agent agent, SimulationOptions options, CallLedger ledger, Random random)
{
    private readonly Channel<AgentView> latest = Channel.CreateBounded<AgentView>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly HashSet<(Guid Call, DateTime? Offer)> handled = []; // an offer is one (call, expiry); a call held is (call, null)
    private readonly Lock gate = new();
    private Guid? holding;      // from a successful accept until the agent asks to end wrap-up
    private Guid? shownOffered; // the call the listener last saw offered to this agent

    public Guid Id => agent.Id;
    /// <summary>In a dialer run, the campaign this agent works (<see cref="CampaignAgentWork"/>); null for inbound work.</summary>
    public CampaignSeat? Seat { get; init; }
    public CampaignLedger? Campaigns { get; init; }
    /// <summary>Completes the first time the push channel shows the agent available.</summary>
    public TaskCompletionSource Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task RunAsync(CancellationToken stop) => Task.WhenAll(ListenAsync(stop), WorkAsync(stop));

    public async Task LogOutAsync(CancellationToken ct)
    {
        try
        {
            using var response = await agent.User.SendAsync(HttpMethod.Put, $"/api/queue/agents/{agent.Id}/state", new { state = "logged_out" }, "log out", ct);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // counted; the agent stays logged in
        }
    }

    private async Task ListenAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await agent.User.OpenStreamAsync($"/api/queue/agents/{agent.Id}/events", stop);
                if (!response.IsSuccessStatusCode)
                {
                    ledger.Failed("open push channel", (int)response.StatusCode);
                }
                else
                {
                    await foreach (var view in AgentView.ReadAsync(await response.Content.ReadAsStreamAsync(stop), stop))
                    {
                        Observe(view);
                        latest.Writer.TryWrite(view);
                    }
                }
            }
            catch (Exception) when (!stop.IsCancellationRequested)
            {
                // the stream broke: open it again below
            }
            catch (OperationCanceledException)
            {
                break;
            }
            if (!stop.IsCancellationRequested)
            {
                ledger.StreamReconnected();
                await Task.Delay(500, stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        latest.Writer.TryComplete();
    }

    /// <summary>Every view: offers seen (latency, two agents at once), and a call shown while the agent holds another.</summary>
    private void Observe(AgentView view)
    {
        var offered = view.Offered ? view.CallId : null;
        if (shownOffered is { } before && before != offered)
        {
            ledger.OfferGone(before, agent.Id);
        }
        if (offered is { } callId)
        {
            ledger.OfferSeen(callId, agent.Id, view.OfferExpiresAt);
        }
        shownOffered = offered;
        if (view.State == "available")
        {
            Ready.TrySetResult();
        }
        Guid? held;
        lock (gate)
        {
            held = holding;
        }
        if (view.CallId is { } shown && held is { } mine && shown != mine)
        {
            ledger.DoubleAssignment($"agent {agent.Id} holds call {mine} and is shown call {shown} ({view.CallStatus})");
        }
    }

    private async Task WorkAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var view in latest.Reader.ReadAllAsync(stop))
            {
                try
                {
                    await ActAsync(view, stop);
                }
                catch (Exception e) when (!stop.IsCancellationRequested && e is HttpRequestException or OperationCanceledException)
                {
                    // no answer in time (counted as status 0): the agent carries on with the next view
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task ActAsync(AgentView view, CancellationToken stop)
    {
        if (view.CallId is { } callId)
        {
            if (handled.Count > 10_000)
            {
                handled.Clear();
            }
            if (!handled.Add((callId, view.Offered ? view.OfferExpiresAt ?? DateTime.MinValue : null)))
            {
                return; // a view from before this offer or call was dealt with (a callback may be offered again: a new offer)
            }
            if (view.Offered)
            {
                await AnswerAsync(ledger.Call(callId), stop);
            }
            else if (Seat is not null && view.CallStatus == "on_call")
            {
                await new CampaignAgentWork(agent, Seat, Campaigns!, options, random).CallAsync(callId, stop);
            }
            else if (view.CallStatus is "on_call" or "wrap_up")
            {
                await FinishAsync(ledger.Call(callId), hangUp: view.CallStatus == "on_call", wrapUp: TimeSpan.Zero, stop); // left by an earlier run
            }
            return;
        }
        if (view.State is "logged_out" or "break")
        {
            if (view.PauseCode == "ring-no-answer")
            {
                ledger.RingNoAnswer();
            }
            using var response = await agent.User.SendAsync(HttpMethod.Put, $"/api/queue/agents/{agent.Id}/state", new { state = "available" }, "go available", stop);
        }
        else if (view.State == "available" && Seat is { Mode: "preview" })
        {
            await new CampaignAgentWork(agent, Seat, Campaigns!, options, random).PreviewAsync(stop);
        }
    }

    private async Task AnswerAsync(CallRecord call, CancellationToken stop)
    {
        await Task.Delay(random.Next(options.AcceptMinMilliseconds, options.AcceptMaxMilliseconds + 1), stop);
        using (var accepted = await agent.User.SendAsync(HttpMethod.Post, $"/api/queue/calls/{call.Id}/accept", new { }, "accept", stop))
        {
            if (!accepted.IsSuccessStatusCode)
            {
                return; // the caller hung up meanwhile (409), or the offer ran out
            }
        }
        lock (gate)
        {
            holding = call.Id;
        }
        handled.Add((call.Id, null)); // its on-call and wrap-up views are this agent's own doing
        ledger.Accepted(call, agent.Id);
        var talk = TimeSpan.FromSeconds(Samplers.Exponential(random, options.HandleSeconds));
        var wrapUp = TimeSpan.FromSeconds(Samplers.AroundMean(random, options.WrapUpSeconds));
        await Task.Delay(talk, stop);
        await FinishAsync(call, hangUp: true, wrapUp, stop);
    }

    private async Task FinishAsync(CallRecord call, bool hangUp, TimeSpan wrapUp, CancellationToken stop)
    {
        lock (gate)
        {
            holding = call.Id;
        }
        if (hangUp)
        {
            using var hungUp = await agent.User.SendAsync(HttpMethod.Post, $"/api/queue/calls/{call.Id}/hangup", new { holdSeconds = 0 }, "hang up", stop);
        }
        await Task.Delay(wrapUp, stop);
        lock (gate)
        {
            holding = null; // from here the agent may be offered the next call, before the answer below arrives
        }
        using var done = await agent.User.SendAsync(HttpMethod.Post, $"/api/queue/calls/{call.Id}/wrapup-done", null, "wrap-up done", stop);
        if (done.IsSuccessStatusCode)
        {
            ledger.Ended(call, CallOutcome.Completed);
        }
    }
}
