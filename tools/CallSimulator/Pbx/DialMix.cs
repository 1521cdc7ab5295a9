namespace Platform.CallSimulator.Pbx;

/// <summary>
/// How dial-outs end, drawn per call: a person answers, nobody answers, the line is busy, an answering machine picks up.
/// The default mix is in the range outbound teams report for callbacks and warm lists (about 55–65 % reach a person).
/// </summary>
public sealed record DialMix(double Human = 0.6, double NoAnswer = 0.2, double Busy = 0.1, double AnsweringMachine = 0.1)
{
    public string Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var total = Human + NoAnswer + Busy + AnsweringMachine;
        var x = random.NextDouble() * total;
        return (x -= Human) < 0 ? "answered"
            : (x -= NoAnswer) < 0 ? "no_answer"
            : (x -= Busy) < 0 ? "busy"
            : "answering_machine";
    }
}
