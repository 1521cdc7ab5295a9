using Platform.CallSimulator;

SimulationOptions options;
try
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(CommandLine.Usage);
        return 0;
    }
    options = CommandLine.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !stop.IsCancellationRequested; // the first Ctrl+C drains and reports; a second one ends at once
    stop.Cancel();
};
// `kill` (scripts/platform.sh down) drains and logs the agents out like the first Ctrl+C.
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1) })
{
    BaseAddress = options.Gateway,
    Timeout = Timeout.InfiniteTimeSpan, // push channels stay open; each request has its own timeout
};
var simulation = new CallSimulation(http, options, Console.Out);
var report = await simulation.RunAsync(stop.Token);
report.Print(Console.Out);
simulation.Campaigns?.Print(Console.Out);
Console.WriteLine($"simulator CPU        {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s");
return report.Lost == 0 && report.DoubleAssignments == 0 && simulation.Campaigns is not { Unfinished: > 0 } ? 0 : 1;
