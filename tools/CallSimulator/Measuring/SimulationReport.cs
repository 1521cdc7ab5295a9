using System.Diagnostics;

namespace Platform.CallSimulator.Measuring;

/// <summary>What a run measured: the calls by how they ended, lost calls, double assignments, arrival → offer latency, errors.</summary>
public sealed record SimulationReport(
    double ArrivalSeconds,
    int Arrived,
    int ArrivalsFailed,
    int Answered,
    int Completed,
    int Abandoned,
    int Rejected,
    int Callbacks,
    IReadOnlyList<Guid> LostCalls,
    int DoubleAssignments,
    IReadOnlyList<string> DoubleAssignmentExamples,
    int Verified,
    int Corrected,
    int Unreadable,
    Percentiles.Summary ArrivedToOffered,
    Percentiles.Summary ArrivalRequest,
    IReadOnlyDictionary<string, int> Errors,
    int RingNoAnswers,
    int StreamReconnects,
    IReadOnlyDictionary<string, int>? PbxCommands = null,
    int PbxRepeats = 0,
    IReadOnlyList<(Guid Call, Guid Agent)>? RingsUnsettled = null,
    IReadOnlyDictionary<string, int>? DialResults = null,
    int PbxSignedBatches = 0,
    int PbxBadlySignedBatches = 0,
    int PbxPushedBatches = 0)
{
    public int Lost => LostCalls.Count;
    public double RateAchieved => ArrivalSeconds > 0 ? Arrived / ArrivalSeconds : 0;

    public static SimulationReport From(CallLedger ledger, double arrivalSeconds, CallAudit.Result audit, Pbx.PbxLedger? pbx = null)
    {
        var ours = ledger.Calls.Where(c => c.Ours).ToArray();
        var toOffer = ours.Where(c => c.OfferSeenAt is not null)
            .Select(c => Stopwatch.GetElapsedTime(c.ArrivalSentAt, c.OfferSeenAt!.Value).TotalMilliseconds);
        return new SimulationReport(
            arrivalSeconds, ours.Length, ledger.ArrivalsFailed,
            ours.Count(c => c.AcceptedBy is not null),
            ours.Count(c => c.Outcome == CallOutcome.Completed),
            ours.Count(c => c.Outcome == CallOutcome.Abandoned),
            ours.Count(c => c.Outcome == CallOutcome.Rejected),
            ours.Count(c => c.Callback),
            ours.Where(c => !c.IsFinal).Select(c => c.Id).ToArray(),
            ledger.DoubleAssignments, [.. ledger.DoubleAssignmentExamples], audit.Verified, audit.Corrected, audit.Unreadable,
            Percentiles.Summarise(toOffer), Percentiles.Summarise(ledger.ArrivalRequestMs),
            ledger.Errors.OrderBy(e => e.Key).ToDictionary(), ledger.RingNoAnswers, ledger.StreamReconnects,
            pbx?.Kinds.OrderBy(k => k.Key).ToDictionary(), pbx?.Repeats ?? 0, pbx is null ? null : [.. pbx.RingingUnsettled],
            pbx?.DialResults.OrderBy(k => k.Key).ToDictionary(), pbx?.SignedBatches ?? 0, pbx?.BadlySignedBatches ?? 0, pbx?.PushedBatches ?? 0);
    }

    public void Print(TextWriter w)
    {
        w.WriteLine();
        w.WriteLine($"calls arrived        {Arrived} in {ArrivalSeconds:0.0} s ({RateAchieved:0.0}/s); arrival reports that failed: {ArrivalsFailed}");
        w.WriteLine($"answered             {Answered} (completed {Completed}, callbacks asked {Callbacks})");
        w.WriteLine($"abandoned / rejected {Abandoned} / {Rejected}");
        w.WriteLine($"arrived -> offered   {ArrivedToOffered}");
        w.WriteLine($"arrival request      {ArrivalRequest}");
        w.WriteLine($"LOST calls           {Lost}{(Lost > 0 ? $" (e.g. {string.Join(", ", LostCalls.Take(5))})" : "")}");
        w.WriteLine($"DOUBLE assignments   {DoubleAssignments}");
        foreach (var example in DoubleAssignmentExamples)
        {
            w.WriteLine($"    {example}");
        }
        w.WriteLine($"read back            {Verified} calls from the queue service; {Corrected} outcomes corrected from it"
            + (Unreadable > 0 ? $"; {Unreadable} could not be read" : ""));
        w.WriteLine($"ring-no-answer       {RingNoAnswers}; push channel reconnects {StreamReconnects}");
        if (PbxCommands is not null)
        {
            w.WriteLine($"PBX commands         {string.Join(", ", PbxCommands.Select(k => $"{k.Key} {k.Value}"))}; read again before acknowledged: {PbxRepeats}");
            w.WriteLine($"PBX signatures       command batches signed by the platform {PbxSignedBatches}, badly signed (not carried out) {PbxBadlySignedBatches}"
                + (PbxPushedBatches > 0 ? $"; {PbxPushedBatches} pushed to the webhook" : ""));
            w.WriteLine($"dial-outs answered   {string.Join(", ", (DialResults ?? new Dictionary<string, int>()).Select(k => $"{k.Key} {k.Value}"))}");
            w.WriteLine($"RINGS never settled  {RingsUnsettled?.Count ?? 0}{(RingsUnsettled is { Count: > 0 } r ? $" (e.g. call {r[0].Call} agent {r[0].Agent})" : "")}");
        }
        w.WriteLine(Errors.Count == 0 ? "errors               none" : "errors (operation status: count; 0 = no answer)");
        foreach (var (key, count) in Errors)
        {
            w.WriteLine($"    {key}: {count}");
        }
    }
}
