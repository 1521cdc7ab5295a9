using Platform.CallSimulator.Sampling;

namespace Platform.CallSimulator.Pbx;

/// <summary>
/// How long a simulated dial-out rings before the PBX reports its result. <see cref="Quick"/> (the default, for tests)
/// rings a fraction of a second whatever the result; <see cref="Realistic"/> (the benchmarks) rings as lines do: a person
/// picks up after one to a few rings, a machine after four or five, a busy line answers at once, and no answer is
/// reported when the campaign's ring time runs out.
/// </summary>
public enum DialRings
{
    Quick,
    Realistic,
}

public static class DialRingTimes
{
    /// <summary>The ring before <paramref name="result"/>, at most the campaign's <paramref name="ringSeconds"/>.</summary>
    public static TimeSpan Draw(DialRings rings, string result, int ringSeconds, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var limit = Math.Max(ringSeconds, 1);
        var seconds = rings == DialRings.Quick
            ? Math.Min(Samplers.Exponential(random, 0.3), 2)
            : result switch
            {
                "answered" => 2 + Samplers.Exponential(random, 5),            // a ring cycle is about 5 s (ETSI: 1 s on, 4 s off)
                "answering_machine" => 15 + Samplers.Exponential(random, 3),  // a voicemail picks up after four or five rings
                "busy" => 1 + random.NextDouble() * 2,
                "no_answer" => limit,
                _ => 1 + random.NextDouble(),
            };
        return TimeSpan.FromSeconds(Math.Min(seconds, limit));
    }
}
