namespace Platform.Queue.Dialer.Pacing;

/// <summary>
/// How much risk of a drop the next dials may take, from where the window stands against the cap: the expected drops
/// of the new dials, as a share of the people they reach. Null means no risk at all: pace as progressive, for the reason.
/// </summary>
internal static class AbandonControl
{
    /// <param name="DropShare">The most expected drops of the dials ringing, as a share of the people they reach.</param>
    /// <param name="DropsLeft">Drops the window can still take under the cap, less one: the expected drops of everything
    /// ringing never exceed it, so a burst of answers cannot take a short window over the cap.</param>
    public readonly record struct Allowance(double DropShare, double DropsLeft, bool Slowing, string? ProgressiveBecause);

    public static Allowance For(PacingSnapshot now)
    {
        var cap = double.IsFinite(now.AbandonCapPercent) ? Math.Clamp(now.AbandonCapPercent / 100, 0, 1) : 0;
        var recent = now.Recent ?? DialWindowStatistics.Empty;
        var dials = Math.Max(0, recent.Dials);
        var humans = Math.Max(0, recent.Humans);
        var dropped = Math.Clamp(recent.Dropped, 0, humans);
        var rate = humans == 0 ? 0 : (double)dropped / humans;
        if (cap <= 0)
        {
            return Stop("the abandon cap is 0 %: no drop is allowed");
        }
        var enoughDials = Math.Max(PacingPolicy.MinimumDials, PacingPolicy.MinimumResultsPerDialRinging * Math.Max(0, now.DialsInFlight));
        if (dials < enoughDials || humans < PacingPolicy.MinimumHumans)
        {
            return Stop($"cold start: {dials} results and {humans} people answered in the window, predictive from " +
                $"{enoughDials} results and {PacingPolicy.MinimumHumans} people");
        }
        var at = $"abandon rate {100 * rate:0.0#} % of {now.AbandonCapPercent:0.0#} % cap";
        if (rate >= cap)
        {
            return Stop($"at the cap: {at}");
        }
        if (now.PreviousPacedAs == DialMode.Progressive && rate >= cap * PacingPolicy.ResumeBelowShareOfCap)
        {
            return Stop($"holding progressive until under {100 * cap * PacingPolicy.ResumeBelowShareOfCap:0.0#} %: {at}");
        }
        var dropsLeft = cap * humans - dropped - 1;
        if (dropsLeft <= 0)
        {
            return Stop($"one more drop would pass the cap: {at}, {dropped} drops of {humans} people");
        }
        var share = rate / cap;
        var scale = Math.Clamp((PacingPolicy.StopAtShareOfCap - share) / (PacingPolicy.StopAtShareOfCap - PacingPolicy.SlowFromShareOfCap), 0, 1);
        if (scale <= 0)
        {
            return Stop($"near the cap: {at}");
        }
        return new Allowance(cap * PacingPolicy.TargetShareOfCap * scale, dropsLeft, scale < 1, null);

        static Allowance Stop(string because) => new(0, 0, false, because);
    }
}
