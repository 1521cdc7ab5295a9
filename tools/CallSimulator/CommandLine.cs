using System.Globalization;

namespace Platform.CallSimulator;

/// <summary>
/// <c>--name value</c> arguments into <see cref="SimulationOptions"/>, with the environment as defaults (SIM_GATEWAY, SIM_TENANT,
/// SIM_USERNAME, SIM_PASSWORD) so the password need not appear in a process list. A plain parser: System.CommandLine is not
/// worth a package for a dozen options.
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        CallSimulator: plays the PBX and the agents of a call center against the gateway.

          --gateway URL            the gateway (http://localhost:8080; env SIM_GATEWAY)
          --tenant SLUG            the call center (demo; env SIM_TENANT)
          --username NAME          its admin (admin; env SIM_USERNAME)
          --password PASSWORD      (demo; env SIM_PASSWORD)
          --rate CALLS_PER_S       mean Poisson arrival rate (1)
          --duration SECONDS       how long calls arrive (60)
          --forever                keep calling until Ctrl+C, a summary every --report-every seconds (30)
          --agents N               simulated agents (10)
          --queues N               lines (project + queue) the calls and agents are spread over (1)
          --handle-seconds S       mean talk time, exponential (20)
          --wrapup-seconds S       mean wrap-up (5)
          --patience-seconds S     mean caller patience while waiting, exponential (60)
          --vip-share F            share of VIP calls, 0..1 (0.05)
          --callback-share F       share of impatient callers asking for a callback, 0..1 (0)
          --accept-ms MIN-MAX      an agent answers an offer after MIN..MAX ms (50-250)
          --project NAME           project created or reused ("Simulated hotline")
          --user-prefix P          prefix of the simulator's users (sim)
          --drain-seconds S        wait for open calls after the last arrival (60)
          --verify all|open        read back every call at the end, or only those still open (all)
          --seed N                 repeatable random draws
          --no-pbx                 do not play the PBX side of the command stream (agents get no extensions)
          --no-signing             the PBX account does not sign (the tenant stops requiring signed PBX requests)
          --pbx-webhook URL        the PBX receives its commands pushed to a listener on URL (e.g. http://127.0.0.1:8099/pbx/),
                                   registered as the tenant's webhook for the run, instead of reading the stream
          --campaign-contacts N    a dialer run: N contacts per mode, a preview, a progressive and a predictive campaign
                                   dial them for the duration (no inbound calls); the PBX answers with its dial mix
          --campaign-modes M,…     the dialer run's campaigns, among preview,progressive,predictive (all three)
          --dial-mix H,N,B,M       the PBX's dial mix: shares of a person, no answer, busy, answering machine (0.6,0.2,0.1,0.1)
          --dial-rings R           quick (a fraction of a second, the default) or realistic: a person answers after 2 s +
                                   about a ring cycle, a machine after about 18 s, busy at once, no answer at the ring time
          --announce-seconds S     the queues announce place and wait to waiting callers every S seconds, 10..3600 (off)
        """;

    public static SimulationOptions Parse(string[] args, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var o = new SimulationOptions();
        o = o with
        {
            Gateway = environment("SIM_GATEWAY") is { } g ? new Uri(g) : o.Gateway,
            Tenant = environment("SIM_TENANT") ?? o.Tenant,
            Username = environment("SIM_USERNAME") ?? o.Username,
            Password = environment("SIM_PASSWORD") ?? o.Password,
        };
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            double Number() => double.Parse(Value(), CultureInfo.InvariantCulture);
            o = name switch
            {
                "--gateway" => o with { Gateway = new Uri(Value()) },
                "--tenant" => o with { Tenant = Value() },
                "--username" => o with { Username = Value() },
                "--password" => o with { Password = Value() },
                "--rate" => o with { Rate = Positive(name, Number()) },
                "--duration" => o with { Duration = TimeSpan.FromSeconds(Positive(name, Number())) },
                "--forever" => o with { Forever = true },
                "--no-pbx" => o with { PlayPbx = false },
                "--no-signing" => o with { SignPbxRequests = false },
                "--pbx-webhook" => o with { PbxWebhook = WebhookUrl(Value()) },
                "--campaign-contacts" => o with { CampaignContacts = (int)Positive(name, Number()) },
                "--campaign-modes" => o with { CampaignModes = Modes(name, Value()) },
                "--dial-mix" => o with { DialMix = Mix(name, Value()) },
                "--dial-rings" => o with { DialRings = Value() switch
                {
                    "quick" => Pbx.DialRings.Quick,
                    "realistic" => Pbx.DialRings.Realistic,
                    _ => throw new ArgumentException($"{name}: quick or realistic."),
                } },
                "--report-every" => o with { ReportEvery = TimeSpan.FromSeconds(Positive(name, Number())) },
                "--agents" => o with { Agents = (int)Positive(name, Number()) },
                "--queues" => o with { Queues = (int)Positive(name, Number()) },
                "--handle-seconds" => o with { HandleSeconds = Positive(name, Number()) },
                "--wrapup-seconds" => o with { WrapUpSeconds = Share(name, Number(), max: 3600) },
                "--patience-seconds" => o with { PatienceSeconds = Positive(name, Number()) },
                "--vip-share" => o with { VipShare = Share(name, Number()) },
                "--callback-share" => o with { CallbackShare = Share(name, Number()) },
                "--accept-ms" => AcceptRange(o, Value()),
                "--project" => o with { ProjectName = Value() },
                "--user-prefix" => o with { UserPrefix = Value() },
                "--drain-seconds" => o with { DrainTimeout = TimeSpan.FromSeconds(Share(name, Number(), max: 86_400)) },
                "--verify" => o with { VerifyAll = Value() switch { "all" => true, "open" => false, var v => throw new ArgumentException($"--verify all|open, not {v}.") } },
                "--seed" => o with { Seed = (int)Number() },
                "--announce-seconds" => o with { AnnounceEverySeconds = (int)Math.Clamp(Positive(name, Number()), 10, 3600) },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }
        if (o.PbxWebhook is not null && (!o.SignPbxRequests || !o.PlayPbx))
        {
            throw new ArgumentException("--pbx-webhook needs the PBX played and signing on (a webhook needs the tenant's signing secret).");
        }
        return o;
    }

    private static Uri WebhookUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.AbsolutePath.EndsWith('/')
            ? uri : throw new ArgumentException($"--pbx-webhook http://host:port/path/ (ending in /), not {value}.");

    private static double Positive(string name, double value) =>
        value > 0 ? value : throw new ArgumentException($"{name} must be above 0.");

    private static double Share(string name, double value, double max = 1) =>
        value >= 0 && value <= max ? value : throw new ArgumentException($"{name} must be from 0 to {max}.");

    private static SimulationOptions AcceptRange(SimulationOptions o, string range)
    {
        var parts = range.Split('-');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var min) || !int.TryParse(parts[1], out var max) || min < 0 || max < min)
        {
            throw new ArgumentException($"--accept-ms MIN-MAX (e.g. 50-250), not {range}.");
        }
        return o with { AcceptMinMilliseconds = min, AcceptMaxMilliseconds = max };
    }

    private static string[] Modes(string name, string value)
    {
        var modes = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return modes.Length > 0 && modes.All(m => m is "preview" or "progressive" or "predictive") && modes.Distinct().Count() == modes.Length
            ? modes : throw new ArgumentException($"{name}: preview, progressive and/or predictive, comma-separated, each once.");
    }

    private static Pbx.DialMix Mix(string name, string value)
    {
        var shares = value.Split(',').Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : -1).ToArray();
        return shares.Length == 4 && shares.All(d => d >= 0) && shares.Sum() > 0
            ? new Pbx.DialMix(shares[0], shares[1], shares[2], shares[3])
            : throw new ArgumentException($"{name}: four shares (person, no answer, busy, answering machine), e.g. 0.3,0.45,0.1,0.15.");
    }
}
