namespace Platform.CallSimulator.Agents;

/// <summary>
/// What a simulated agent writes down after a campaign call a person answered: the project's default dispositions, in a
/// mix an outbound sales list gives (most people decline; a fifth want a call back; a few buy or set a meeting; some
/// numbers were wrong or their owners ask never to be called again). Dispositions that need a next contact get one,
/// a shared (campaign) callback one to five days ahead.
/// </summary>
public static class OutcomeMix
{
    public sealed record Outcome(string Disposition, DateTimeOffset? NextContactAt);

    /// <summary>The mix, each disposition with its share (they add up to 1) and whether it needs a next contact date.</summary>
    public static IReadOnlyList<(string Disposition, double Share, bool NeedsNextContact)> Shares { get; } =
    [
        ("not_interested", 0.40, false),
        ("callback", 0.20, true),
        ("interested", 0.12, true),
        ("meeting_set", 0.08, true),
        ("sale", 0.06, false),
        ("wrong_number", 0.05, false),
        ("do_not_call", 0.04, false),
        ("resolved", 0.03, false),
        ("complaint", 0.02, false),
    ];

    public static Outcome Draw(Random random, DateTimeOffset now)
    {
        var u = random.NextDouble();
        foreach (var (disposition, share, needsNext) in Shares)
        {
            u -= share;
            if (u < 0)
            {
                return new Outcome(disposition, needsNext ? now.AddDays(1 + random.Next(5)).AddMinutes(random.Next(0, 480)) : null);
            }
        }
        return new Outcome(Shares[0].Disposition, null);
    }
}
