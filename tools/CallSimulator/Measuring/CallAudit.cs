using System.Text.Json;
using Platform.CallSimulator.Gateway;

namespace Platform.CallSimulator.Measuring;

/// <summary>
/// After draining, each call is read back from the queue service (GET calls/{id}): its status there is the truth for
/// lost calls, and an agent other than the one whose accept succeeded is a double assignment.
/// </summary>
public static class CallAudit
{
    public sealed record Result(int Verified, int Corrected, int Unreadable = 0);

    public static async Task<Result> RunAsync(GatewayUser admin, CallLedger ledger, bool all, CancellationToken ct)
    {
        var calls = ledger.Calls.Where(c => c.Ours && (all || !c.IsFinal)).ToArray();
        var corrected = 0;
        var unreadable = 0;
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (call, token) =>
        {
            JsonElement view;
            try
            {
                view = await admin.GetJsonAsync($"/api/queue/calls/{call.Id}", "read call", token);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidOperationException)
            {
                Interlocked.Increment(ref unreadable); // its outcome stays what the simulator saw
                return;
            }
            var status = view.GetProperty("status").GetString()!;
            var agent = view.GetProperty("agentId").ValueKind == JsonValueKind.String ? view.GetProperty("agentId").GetGuid() : (Guid?)null;
            if (call.AcceptedBy is { } accepted && agent is { } recorded && accepted != recorded)
            {
                ledger.DoubleAssignment($"call {call.Id} was accepted by agent {accepted}, the queue service says agent {recorded}");
            }
            var outcome = status switch
            {
                "completed" => CallOutcome.Completed,
                "abandoned" => CallOutcome.Abandoned,
                "rejected" => CallOutcome.Rejected,
                _ => call.AcceptedBy is null ? CallOutcome.Waiting : CallOutcome.Answered,
            };
            lock (call)
            {
                call.ServerStatus = status;
                if (call.Outcome != outcome)
                {
                    Interlocked.Increment(ref corrected); // e.g. the queue ended a wrap-up the agent had not
                    call.Outcome = outcome;
                }
            }
        });
        return new Result(calls.Length - unreadable, corrected, unreadable);
    }
}
