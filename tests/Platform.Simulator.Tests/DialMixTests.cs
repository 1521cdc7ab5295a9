using Platform.CallSimulator.Pbx;

namespace Platform.Simulator.Tests;

public sealed class DialMixTests
{
    [Fact]
    public void Dial_outs_end_in_the_shares_of_the_mix()
    {
        var random = new Random(11);
        var mix = new DialMix(Human: 0.5, NoAnswer: 0.3, Busy: 0.2, AnsweringMachine: 0);

        var draws = Enumerable.Range(0, 100_000).Select(_ => mix.Draw(random)).GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count() / 100_000.0);

        Assert.InRange(draws["answered"], 0.49, 0.51);
        Assert.InRange(draws["no_answer"], 0.29, 0.31);
        Assert.InRange(draws["busy"], 0.19, 0.21);
        Assert.False(draws.ContainsKey("answering_machine"));
    }
}
