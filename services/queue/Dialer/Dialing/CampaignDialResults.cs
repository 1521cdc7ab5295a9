using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Queue.Calls;
using Platform.Queue.Dispatch;
using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Dialer.Dialing;

/// <summary>
/// The PBX's dial result for a campaign's attempt (the same <c>POST calls/{id}/dial-result</c> as a callback's; the id is the
/// attempt's). A person on a dial with a reserved agent talks to them; a person on a predictive dial is connected to a
/// free agent of the campaign at once, or waits at most 2 s for one (the dial loop connects or drops them); anything else
/// ends the attempt. The same result reported again answers the same; another one is 409.
/// </summary>
public static class CampaignDialResults
{
    public sealed record DialResultView(Guid DialId, Guid CampaignId, Guid ContactId, string Status, string? Result, Guid? AgentId);

    /// <summary>Null when <paramref name="dialId"/> is no campaign's attempt (a callback's dial result, handled as before).</summary>
    public static async Task<Results<Ok<DialResultView>, ProblemHttpResult>?> TryReportAsync(
        Guid tenantId, Guid dialId, string result, Npgsql.NpgsqlDataSource db, Dispatcher dispatcher, DialerOptions options, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNowAsStored();
        Guid? freed = null;
        List<Guid> toServe = [];
        DialResultView view;
        await using (var session = await db.BeginTenantSessionAsync(tenantId, ct))
        {
            var dial = await DialConnection.LockAsync(session, dialId, ct);
            if (dial is null)
            {
                return null;
            }
            if (dial.Status != "ringing")
            {
                return dial.Result == result || (DialResultKinds.IsPerson(result) && dial.Result is { } said && DialResultKinds.IsPerson(said))
                    ? TypedResults.Ok(await ViewAsync(session, dialId, ct))
                    : CallConflict.Because("The dial result cannot be recorded.", $"The attempt is {dial.Status}, not ringing; its result was {dial.Result ?? "none"}.");
            }
            if (DialResultKinds.IsPerson(result))
            {
                if (dial.AgentId is not null)
                {
                    await DialConnection.ConnectReservedAsync(session, dial, result, now, ct);
                }
                else
                {
                    await session.ExecuteAsync("""
                        UPDATE campaign_dials SET status = 'answered', result = @result, result_at = @now, drop_at = @dropAt WHERE tenant_id = @TenantId AND id = @dialId
                        """, new { session.TenantId, dialId, result, now, dropAt = now.AddMilliseconds(options.DropAfterMilliseconds) }, ct);
                    var answered = (await DialConnection.LockAsync(session, dialId, ct))!;
                    if ((await DialPlacement.LockIdleAgentsAsync(session, dial.CampaignId, 1, ct)).FirstOrDefault() is var agent && agent != Guid.Empty)
                    {
                        await DialConnection.ConnectAsync(session, answered, agent, now, ct);
                    }
                }
            }
            else
            {
                freed = await DialConnection.EndWithoutPersonAsync(session, dial, result, null, now, ct);
                if (freed is { } agentId)
                {
                    toServe = await Dispatcher.QueuesToServeAsync(session, agentId, ct);
                }
            }
            view = await ViewAsync(session, dialId, ct);
            await session.CommitAsync(ct);
        }
        await dispatcher.DispatchQueuesAsync(tenantId, toServe, ct);
        return TypedResults.Ok(view);
    }

    private static async Task<DialResultView> ViewAsync(TenantSession session, Guid dialId, CancellationToken ct) =>
        (await session.QuerySingleOrDefaultAsync<DialResultView>("""
            SELECT id AS dial_id, campaign_id, contact_id, status, result, agent_id FROM campaign_dials WHERE tenant_id = @TenantId AND id = @dialId
            """, new { session.TenantId, dialId }, ct))!;
}
