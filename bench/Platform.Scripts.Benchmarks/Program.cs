using BenchmarkDotNet.Running;
using Platform.Scripts.Benchmarks;

// dotnet run -c Release --project bench/Platform.Scripts.Benchmarks -- --filter '*' --job short   (BenchmarkDotNet)
// dotnet run -c Release --project bench/Platform.Scripts.Benchmarks -- --latency                  (tails, no I/O)
// dotnet run -c Release --project bench/Platform.Scripts.Benchmarks -- --service [requests]       (the real service)
if (args.Contains("--latency"))
{
    LatencyRun.Run();
}
else if (args.Contains("--service"))
{
    var at = Array.IndexOf(args, "--service");
    await ServiceRun.RunAsync(args.Length > at + 1 && int.TryParse(args[at + 1], out var n) ? n : 2000);
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(ScriptBenchmarks).Assembly).Run(args);
}
