using System.Text.Json;
using Platform.CallSimulator.Gateway;
using Platform.CallSimulator.Setup;

namespace Platform.CallSimulator.Campaigns;

/// <summary>
/// A dialer run's figures, per campaign from the platform's own <c>GET campaigns/{id}/figures</c> after the drain, and the
/// simulated agents' count of people they were connected to. <see cref="Unfinished"/> counts attempts still previewing,
/// ringing or waiting for an agent after the drain: dials that did not reach an end.
/// </summary>
public sealed record CampaignReport(IReadOnlyList<CampaignReport.Campaign> Campaigns)
{
    public sealed record Campaign(string Mode, int Dialed, int Connected, int Dropped, int PeopleReached, int Unfinished,
        double AbandonRatePercent, double AbandonCapPercent, IReadOnlyDictionary<string, int> Results, int AgentsConnected,
        IReadOnlyDictionary<string, int> Outcomes);

    public int Dialed => Campaigns.Sum(c => c.Dialed);
    public int Unfinished => Campaigns.Sum(c => c.Unfinished);

    public static async Task<JsonElement[]> FiguresAsync(CallCenter center, IEnumerable<(Guid Id, string Mode)> campaigns, CancellationToken ct) =>
        await Task.WhenAll(campaigns.Select(c => center.Admin.GetJsonAsync($"/api/queue/campaigns/{c.Id}/figures", "campaign figures", ct)));

    public static async Task<CampaignReport> ReadAsync(CallCenter center, IReadOnlyList<(Guid Id, string Mode)> campaigns, CampaignLedger ledger, CancellationToken ct)
    {
        var figures = await FiguresAsync(center, campaigns, ct);
        return new CampaignReport([.. campaigns.Select((c, i) => new Campaign(c.Mode,
            Int(figures[i], "dialed"), Int(figures[i], "connected"), Int(figures[i], "dropped"), Int(figures[i], "peopleReached"),
            Int(figures[i], "ringing") + Int(figures[i], "answeredWaiting") + Int(figures[i], "previewing"),
            figures[i].GetProperty("abandonRatePercent").GetDouble(), figures[i].GetProperty("abandonCapPercent").GetDouble(),
            figures[i].GetProperty("results").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()),
            ledger.ConnectedByMode.GetValueOrDefault(c.Mode),
            ledger.Outcomes.Where(o => o.Key.Mode == c.Mode).ToDictionary(o => o.Key.Disposition, o => o.Value)))]);
    }

    /// <summary>Dials still open (ringing, a person waiting, a card previewed) across the campaigns.</summary>
    public static int Open(IEnumerable<JsonElement> figures) =>
        figures.Sum(f => Int(f, "ringing") + Int(f, "answeredWaiting") + Int(f, "previewing"));

    private static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    public void Print(TextWriter w)
    {
        w.WriteLine();
        foreach (var c in Campaigns)
        {
            w.WriteLine($"campaign {c.Mode,-11} dials {c.Dialed}, connects {c.Connected}, drops {c.Dropped}, people reached {c.PeopleReached}, "
                + $"abandon rate {c.AbandonRatePercent:0.00} % (cap {c.AbandonCapPercent:0.#} %), not ended {c.Unfinished}; agents connected {c.AgentsConnected}; "
                + string.Join(", ", c.Results.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Value}"))
                + $"; outcomes recorded {c.Outcomes.Values.Sum()}: " + string.Join(", ", c.Outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}")));
        }
        var reached = Campaigns.Sum(c => c.PeopleReached);
        var drops = Campaigns.Sum(c => c.Dropped);
        w.WriteLine($"dialer total         dials {Dialed}, connects {Campaigns.Sum(c => c.Connected)}, drops {drops}, "
            + $"abandon rate {(reached > 0 ? 100.0 * drops / reached : 0):0.00} %, dials not ended {Unfinished}");
    }
}
