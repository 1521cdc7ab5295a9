using System.Diagnostics;
using Platform.CallSimulator.Agents;
using Platform.CallSimulator.Calls;
using Platform.CallSimulator.Campaigns;
using Platform.CallSimulator.Gateway;
using Platform.CallSimulator.Measuring;
using Platform.CallSimulator.Pbx;
using Platform.CallSimulator.Sampling;
using Platform.CallSimulator.Setup;

namespace Platform.CallSimulator;

/// <summary>
/// A whole run: set up the call center, bring the agents in (push channels open, available), let Poisson arrivals come
/// for the duration (or until stopped), drain the calls still open, log the agents out, read every call back from the
/// queue service, report. <paramref name="gateway"/> is any client of the gateway: a socket one from the command line,
/// the in-process one in the end-to-end tests.
/// </summary>
public sealed class CallSimulation(HttpClient gateway, SimulationOptions options, TextWriter? log = null)
{
    private readonly TextWriter log = log ?? TextWriter.Null;
    private readonly Random random = options.Seed is { } seed ? new Random(seed) : new Random();

    public CallLedger Ledger { get; } = new();
    public PbxLedger Pbx { get; } = new();
    public CallCenter? Center { get; private set; }
    public CampaignLedger CampaignLedger { get; } = new();
    /// <summary>A dialer run's figures (<see cref="SimulationOptions.CampaignContacts"/> above 0); null otherwise.</summary>
    public CampaignReport? Campaigns { get; private set; }

    /// <param name="stop">Ends the arrivals early (Ctrl+C); the drain, log-out and read-back still happen.</param>
    public async Task<SimulationReport> RunAsync(CancellationToken stop = default)
    {
        var center = Center = await new CallCenterSetup(gateway, options, Ledger, this.log).PrepareAsync(CancellationToken.None);
        await PbxSigningSetup.ApplyAsync(center, options.SignPbxRequests, CancellationToken.None);
        Ledger.ForgetErrors();
        log.WriteLine($"{center.Lines.Count} queue(s), first {center.QueueId} of project {center.ProjectId}; {center.Agents.Count} agents logging in");
        using var agentsStop = new CancellationTokenSource();
        using var pbxStop = new CancellationTokenSource();
        var simulatedPbx = new SimulatedPbx(center.Pbx, Pbx, options.DialMix, new Random(random.Next()), options.DialRings);
        var pbx = !options.PlayPbx ? Task.CompletedTask
            : options.PbxWebhook is { } webhook ? Task.Run(() => simulatedPbx.ListenAsync(webhook, pbxStop.Token), CancellationToken.None)
            : Task.Run(() => simulatedPbx.RunAsync(pbxStop.Token), CancellationToken.None);
        if (options.PlayPbx && options.PbxWebhook is { } url)
        {
            await PbxWebhookSetup.RegisterAsync(center, url, CancellationToken.None);
        }
        IReadOnlyList<(Guid Id, string Mode)> campaigns = options.CampaignContacts > 0
            ? await CampaignSetup.PrepareAsync(center, options, this.log, CancellationToken.None) : [];
        var agents = center.Agents.Select((a, i) => new SimulatedAgent(a, options, Ledger, new Random(random.Next()))
        {
            Seat = campaigns.Count > 0 ? new CampaignSeat(campaigns[i % campaigns.Count].Id, campaigns[i % campaigns.Count].Mode) : null,
            Campaigns = CampaignLedger,
        }).ToArray();
        var working = agents.Select(a => Task.Run(() => a.RunAsync(agentsStop.Token), CancellationToken.None)).ToArray();
        await Task.WhenAny(Task.WhenAll(agents.Select(a => a.Ready.Task)), Task.Delay(TimeSpan.FromSeconds(60), CancellationToken.None));
        log.WriteLine($"{agents.Count(a => a.Ready.Task.IsCompleted)} agents available; calls arrive at {options.Rate}/s "
            + (options.Forever ? "until stopped" : $"for {options.Duration.TotalSeconds} s"));

        var started = Stopwatch.GetTimestamp();
        var callers = campaigns.Count > 0 ? await DialAsync(center, campaigns, stop) : await ArriveAsync(center, stop);
        var arrivalSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        log.WriteLine($"arrivals over after {arrivalSeconds:0.0} s; draining (up to {options.DrainTimeout.TotalSeconds} s)");
        await DrainAsync(callers);
        if (campaigns.Count > 0)
        {
            await DrainDialsAsync(center, campaigns);
            Campaigns = await CampaignReport.ReadAsync(center, campaigns, CampaignLedger, CancellationToken.None);
        }

        await agentsStop.CancelAsync();
        await Task.WhenAll(working);
        await Parallel.ForEachAsync(agents, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (a, ct) => await a.LogOutAsync(ct));
        if (options.PlayPbx)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None); // the last commands (stop ringing at log-out) are read
        }
        if (options.PlayPbx && options.PbxWebhook is not null)
        {
            await PbxWebhookSetup.RemoveAsync(center, CancellationToken.None);
        }
        await pbxStop.CancelAsync();
        await pbx;
        var audit = await CallAudit.RunAsync(center.Admin, Ledger, options.VerifyAll, CancellationToken.None);
        return SimulationReport.From(Ledger, arrivalSeconds, audit, options.PlayPbx ? Pbx : null);
    }

    /// <summary>A dialer run: the campaigns dial for the duration (or until stopped), then stop (no new dial).</summary>
    private async Task<List<Task>> DialAsync(CallCenter center, IReadOnlyList<(Guid Id, string Mode)> campaigns, CancellationToken stop)
    {
        await CampaignSetup.ChangeAsync(center, campaigns, "start", CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var nextReport = options.ReportEvery;
        while (!stop.IsCancellationRequested && (options.Forever || clock.Elapsed < options.Duration))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            if (clock.Elapsed >= nextReport)
            {
                var figures = await CampaignReport.FiguresAsync(center, campaigns, CancellationToken.None);
                log.WriteLine($"{clock.Elapsed.TotalSeconds:0} s: dialed {figures.Sum(f => f.GetProperty("dialed").GetInt32())}, "
                    + $"connected {figures.Sum(f => f.GetProperty("connected").GetInt32())}, dropped {figures.Sum(f => f.GetProperty("dropped").GetInt32())}");
                nextReport += options.ReportEvery;
            }
        }
        await CampaignSetup.ChangeAsync(center, campaigns, "stop", CancellationToken.None);
        return [];
    }

    /// <summary>After the stop, the dials still ringing end as the PBX reports them and the people connected are talked to.</summary>
    private async Task DrainDialsAsync(CallCenter center, IReadOnlyList<(Guid Id, string Mode)> campaigns)
    {
        var until = Stopwatch.StartNew();
        while (until.Elapsed < options.DrainTimeout)
        {
            var figures = await CampaignReport.FiguresAsync(center, campaigns, CancellationToken.None);
            if (CampaignReport.Open(figures) == 0 && figures.All(f => f.GetProperty("agentsOnCall").GetInt32() + f.GetProperty("agentsInWrapUp").GetInt32() == 0))
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None);
        }
    }

    /// <summary>Poisson arrivals: exponential gaps on a schedule (late ticks fire at once, so the mean rate holds).</summary>
    private async Task<List<Task>> ArriveAsync(CallCenter center, CancellationToken stop)
    {
        var runId = Guid.NewGuid().ToString("N")[..8];
        var caller = new Caller(center, Ledger, runId);
        var callers = new List<Task>();
        var clock = Stopwatch.StartNew();
        var next = TimeSpan.Zero;
        var nextReport = options.ReportEvery;
        for (var sequence = 1; !stop.IsCancellationRequested && (options.Forever || next < options.Duration); sequence++)
        {
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, stop).ContinueWith(_ => { }, TaskScheduler.Default);
                if (stop.IsCancellationRequested)
                {
                    break;
                }
            }
            var line = random.Next(center.Lines.Count);
            var draw = new CallerDraw(sequence, center.CallerNumber(line, random), line, Samplers.Chance(random, options.VipShare),
                TimeSpan.FromSeconds(Samplers.Exponential(random, options.PatienceSeconds)), Samplers.Chance(random, options.CallbackShare));
            callers.Add(Task.Run(() => caller.CallAsync(draw, CancellationToken.None), CancellationToken.None));
            next += Samplers.NextArrivalGap(random, options.Rate);
            if (options.Forever && clock.Elapsed >= nextReport)
            {
                nextReport += options.ReportEvery;
                log.WriteLine(Progress());
                callers.RemoveAll(c => c.IsCompleted);
            }
        }
        return callers;
    }

    /// <summary>Waits until every call of this run has ended (completed, abandoned, rejected), or the drain time is up.</summary>
    private async Task DrainAsync(List<Task> callers)
    {
        var deadline = Stopwatch.StartNew();
        await Task.WhenAny(Task.WhenAll(callers), Task.Delay(options.DrainTimeout));
        while (deadline.Elapsed < options.DrainTimeout && Ledger.Calls.Any(c => c.Ours && !c.IsFinal))
        {
            await Task.Delay(200);
        }
    }

    private string Progress()
    {
        var ours = Ledger.Calls.Where(c => c.Ours).ToArray();
        var toOffer = Percentiles.Summarise(ours.Where(c => c.OfferSeenAt is not null)
            .Select(c => Stopwatch.GetElapsedTime(c.ArrivalSentAt, c.OfferSeenAt!.Value).TotalMilliseconds));
        return $"[sim {DateTime.Now:HH:mm:ss}] arrived {ours.Length}, completed {ours.Count(c => c.Outcome == CallOutcome.Completed)}, "
            + $"abandoned {ours.Count(c => c.Outcome == CallOutcome.Abandoned)}, open {ours.Count(c => !c.IsFinal)}; arrived -> offered {toOffer}; "
            + $"double assignments {Ledger.DoubleAssignments}; failed requests {Ledger.Errors.Values.Sum()}";
    }
}
