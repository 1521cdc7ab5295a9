namespace Platform.Dialer.Simulation.Model;

/// <summary>What a dial ends in, as the PBX's answering-machine detection reports it.</summary>
public enum DialResult
{
    Person,
    Machine,
    Fax,
    NoAnswer,
    Busy,
    Invalid,
}

/// <summary>The share of each result among dials (percent), and how long each takes from dial to result.</summary>
public sealed record AnswerMix(double Person, double Machine, double Fax, double NoAnswer, double Busy, double Invalid)
{
    /// <summary>30 / 15 / 2 / 35 / 10 / 8 %: a cold consumer list in the daytime.</summary>
    public static AnswerMix Typical { get; } = new(30, 15, 2, 35, 10, 8);

    public DialResult Draw(Random random)
    {
        var total = Person + Machine + Fax + NoAnswer + Busy + Invalid;
        var x = random.NextDouble() * total;
        foreach (var (result, share) in new[] { (DialResult.Person, Person), (DialResult.Machine, Machine), (DialResult.Fax, Fax),
                     (DialResult.NoAnswer, NoAnswer), (DialResult.Busy, Busy) })
        {
            if ((x -= share) < 0) return result;
        }
        return DialResult.Invalid;
    }

    /// <summary>Seconds from dial to result: a person picks up after 3–25 s (most after 6–12), a machine answers after
    /// about four rings and is detected 3 s later, no answer is given up at 30 s, busy and invalid numbers signal at once.</summary>
    public static double RingSeconds(DialResult result, Random random) => result switch
    {
        DialResult.Person => Math.Clamp(LogNormal(random, 9, 4), 3, 25),
        DialResult.Machine => Math.Clamp(LogNormal(random, 14, 4), 6, 30),
        DialResult.Fax => 4 + random.NextDouble() * 8,
        DialResult.NoAnswer => 30,
        DialResult.Busy => 2 + random.NextDouble() * 4,
        _ => 1 + random.NextDouble() * 3,
    };

    /// <summary>A log-normal draw with this mean and standard deviation.</summary>
    public static double LogNormal(Random random, double mean, double sd)
    {
        var sigma2 = Math.Log(1 + sd * sd / (mean * mean));
        var mu = Math.Log(mean) - sigma2 / 2;
        var u1 = 1 - random.NextDouble();
        var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Exp(mu + Math.Sqrt(sigma2) * normal);
    }
}
