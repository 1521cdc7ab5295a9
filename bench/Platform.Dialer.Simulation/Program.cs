using BenchmarkDotNet.Running;
using Platform.Dialer.Simulation;
using Platform.Dialer.Simulation.Model;
using Platform.Queue.Dialer.Pacing;

// dotnet run -c Release --project bench/Platform.Dialer.Simulation -- simulate [dials] [agents] [seed]
// dotnet run -c Release --project bench/Platform.Dialer.Simulation -- bench [BenchmarkDotNet arguments]
// dotnet run -c Release --project bench/Platform.Dialer.Simulation -- decisions [agents …]   (a timed loop, 10 s each)
if (args.Length > 0 && args[0] == "bench")
{
    BenchmarkSwitcher.FromAssembly(typeof(PacerBenchmarks).Assembly).Run(args[1..]);
    return 0;
}
if (args.Length > 0 && args[0] == "decisions")
{
    foreach (var size in args.Length > 1 ? args[1..].Select(int.Parse) : [20, 100, 500])
    {
        DecisionRate.Run(size, TimeSpan.FromSeconds(10));
    }
    return 0;
}
var dials = args.Length > 1 ? int.Parse(args[1]) : 10_000;
var agents = args.Length > 2 ? int.Parse(args[2]) : 20;
var seed = args.Length > 3 ? int.Parse(args[3]) : 42;

var progressive = new CampaignSimulation(new SimulationSettings(DialMode.Progressive, dials, agents, seed)).Run();
var predictive = new CampaignSimulation(new SimulationSettings(DialMode.Predictive, dials, agents, seed)).Run();
Console.WriteLine($"Campaign: {dials:N0} dials, {agents} agents, seed {seed}, answer mix 30/15/2/35/10/8 % " +
    $"(person/machine/fax/no answer/busy/invalid), cap 3 % over every {PacingPolicy.RollingWindow.TotalMinutes:0}-minute window");
Console.WriteLine();
Console.WriteLine("| | progressive | predictive |");
Console.WriteLine("|---|---:|---:|");
Row("dials placed", r => $"{r.Dials:N0}");
Row("people answered", r => $"{r.People:N0}");
Row("connected to an agent", r => $"{r.Connected:N0}");
Row("dropped (no agent within 2 s)", r => $"{r.Dropped:N0}");
Row("abandon rate, whole campaign", r => $"{r.AbandonRatePercent:0.00} %");
Row("abandon rate, worst rolling window", r =>
    $"{r.WorstWindow.RatePercent:0.00} % ({r.WorstWindow.Drops} of {r.WorstWindow.People}, of {r.WorstWindow.WindowsChecked:N0} windows)");
Row("mean agent idle between calls", r => $"{r.MeanIdleSecondsBetweenCalls:0.0} s");
Row("agent idle between calls, total", r => $"{r.IdleSecondsBetweenCalls / 3600:0.0} h");
Row("occupancy", r => $"{100 * r.Occupancy:0.0} %");
Row("campaign length", r => $"{r.HoursSimulated:0.00} h");
Row("pacer decisions (paced as progressive)", r => $"{r.PacerDecisions:N0} ({r.DecisionsPacedAsProgressive:N0})");
Console.WriteLine();
var cut = 1 - predictive.MeanIdleSecondsBetweenCalls / progressive.MeanIdleSecondsBetweenCalls;
Console.WriteLine($"Predictive cuts agents' idle time between calls by {100 * cut:0.0} % (goal: at least 33.3 %); " +
    $"worst window {predictive.WorstWindow.RatePercent:0.00} % (cap 3 %).");
return predictive.WorstWindow.RatePercent <= 3 && cut >= 1.0 / 3 ? 0 : 1;

void Row(string what, Func<SimulationReport, string> value) =>
    Console.WriteLine($"| {what} | {value(progressive)} | {value(predictive)} |");
