namespace Platform.CallSimulator;

/// <summary>What to simulate: the call center to sign in to, the traffic, and how the simulated people behave.</summary>
public sealed record SimulationOptions
{
    public Uri Gateway { get; init; } = new("http://localhost:8080");
    public string Tenant { get; init; } = "demo";
    public string Username { get; init; } = "admin";
    public string Password { get; init; } = "demo";

    /// <summary>Mean arrivals a second (Poisson).</summary>
    public double Rate { get; init; } = 1;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Keep calling until stopped (Ctrl+C); a summary line every <see cref="ReportEvery"/>.</summary>
    public bool Forever { get; init; }
    public TimeSpan ReportEvery { get; init; } = TimeSpan.FromSeconds(30);

    public int Agents { get; init; } = 10;
    /// <summary>
    /// Lines (projects, each with its default queue) the calls are spread over evenly, the agents split among them. One
    /// queue's calls are routed one dispatch at a time (a lock per queue), so a big call center has several.
    /// </summary>
    public int Queues { get; init; } = 1;
    /// <summary>Mean talk time (exponential).</summary>
    public double HandleSeconds { get; init; } = 20;
    /// <summary>Mean wrap-up (drawn evenly around it); the queue's own wrap-up limit is set above the longest draw.</summary>
    public double WrapUpSeconds { get; init; } = 5;
    /// <summary>Mean caller patience while waiting (exponential); then the caller hangs up or asks for a callback.</summary>
    public double PatienceSeconds { get; init; } = 60;
    public double VipShare { get; init; } = 0.05;
    /// <summary>Of the callers who run out of patience, the share who ask for a callback instead of hanging up.</summary>
    public double CallbackShare { get; init; }
    /// <summary>An agent answers an offer after a delay drawn evenly from this range (milliseconds).</summary>
    public int AcceptMinMilliseconds { get; init; } = 50;
    public int AcceptMaxMilliseconds { get; init; } = 250;

    /// <summary>The project (and its default queue) the simulator creates or reuses, and the prefix of its users.</summary>
    public string ProjectName { get; init; } = "Simulated hotline";
    public string UserPrefix { get; init; } = "sim";
    /// <summary>After the last arrival, how long to wait for the calls still open to end.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Read every call back from the queue service at the end (GET calls/{id}); otherwise only the open ones.</summary>
    public bool VerifyAll { get; init; } = true;
    public int? Seed { get; init; }

    /// <summary>Play the PBX side of the command stream (ring, bridge, stop ringing, answer dial-outs); agents get extensions 1001….</summary>
    public bool PlayPbx { get; init; } = true;
    /// <summary>
    /// The PBX account signs its requests and checks the command stream's signatures: the run rotates the tenant's PBX
    /// signing secret and requires it (docs/telephony.md, "Signed requests"). Off: the tenant stops requiring signatures.
    /// </summary>
    public bool SignPbxRequests { get; init; } = true;
    /// <summary>
    /// Receive the commands by push instead of reading the stream: the simulator listens on this URL (an HttpListener prefix,
    /// ending in /) and registers it as the tenant's PBX webhook for the run (docs/telephony.md, "Push: signed webhooks").
    /// Needs signing (a webhook needs the tenant's secret).
    /// </summary>
    public Uri? PbxWebhook { get; init; }
    /// <summary>
    /// A dialer run instead of inbound calls (above 0): this many contacts per dial mode, one preview, one progressive and
    /// one predictive campaign over the first line's project, the agents split evenly, dialing for the duration.
    /// </summary>
    public int CampaignContacts { get; init; }
    /// <summary>The dialer run's campaigns, one per mode named (all three by default), the agents split evenly among them.</summary>
    public string[] CampaignModes { get; init; } = ["preview", "progressive", "predictive"];
    /// <summary>How the PBX's dial-outs (callbacks) end.</summary>
    public Pbx.DialMix DialMix { get; init; } = new();
    /// <summary>How long the PBX's dial-outs ring before their result: quick (tests) or as real lines do (the benchmarks).</summary>
    public Pbx.DialRings DialRings { get; init; } = Pbx.DialRings.Quick;
    /// <summary>The queues announce the place in line and the wait to waiting callers every that many seconds (null: no announcements).</summary>
    public int? AnnounceEverySeconds { get; init; }
}
