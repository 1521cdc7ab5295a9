using System.Diagnostics;
using System.Globalization;
using Platform.Scripts.Authoring.Rendering;
using Platform.Scripts.Authoring.Validation;
using Platform.Scripts.Authoring.Walking;

namespace Platform.Scripts.Benchmarks;

/// <summary>
/// <c>--latency</c>: BenchmarkDotNet reports means, not tails. Times 200,000 moves (answer the current step, render
/// the next) one by one on one thread after a warm-up, cycling through the walk of the 500-step script, and 2,000
/// validations of the script; prints p50/p99/p99.9/max.
/// </summary>
internal static class LatencyRun
{
    public static void Run()
    {
        var world = ScriptWorld.Build();
        Console.WriteLine($"500-step script, a walk of {world.Walk.Count} moves; Stopwatch resolution {1e9 / Stopwatch.Frequency:0.#} ns");
        Console.WriteLine("what                          count     p50 µs     p99 µs   p99.9 µs     max µs");
        Measure("answer + render next step", 200_000, 50_000, i =>
        {
            var (state, answer) = world.Walk[i % world.Walk.Count];
            var next = ScriptWalker.Answer(world.Compiled, state, state.Current, answer, ScriptWorld.Values, ScriptWorld.Now).State!;
            return StepRenderer.Render(world.Compiled, next, ScriptWorld.Values).StepId.Length;
        });
        Measure("validate 500 steps", 2_000, 200, _ => ScriptValidator.Validate(world.Document).Count);
    }

    public static void Measure(string what, int count, int warmUp, Func<int, int> action)
    {
        for (var i = 0; i < warmUp; i++)
        {
            action(i);
        }
        GC.Collect();
        var elapsed = new long[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action(i);
            elapsed[i] = Stopwatch.GetTimestamp() - start;
        }
        Print(what, elapsed);
    }

    public static void Print(string what, long[] elapsed)
    {
        Array.Sort(elapsed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-27} {elapsed.Length,8:N0} {Micros(elapsed, 0.50),10:0.0} {Micros(elapsed, 0.99),10:0.0} {Micros(elapsed, 0.999),10:0.0} {Micros(elapsed, 1.0),10:0.0}"));
    }

    private static double Micros(long[] sorted, double quantile)
    {
        var index = Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1);
        return sorted[Math.Max(0, index)] * 1e6 / Stopwatch.Frequency;
    }
}
