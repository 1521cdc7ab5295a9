using BenchmarkDotNet.Running;
using Platform.Queue.Benchmarks;

// dotnet run -c Release --project bench/Platform.Queue.Benchmarks -- --latency            (tail latency)
// dotnet run -c Release --project bench/Platform.Queue.Benchmarks -- --filter '*' --job short   (BenchmarkDotNet)
if (args.Contains("--latency"))
{
    LatencyRun.Run();
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(RoutingDecisionBenchmarks).Assembly).Run(args);
}
