using Platform.Contracts;
using Platform.Reporting.Erasure;
using Platform.Reporting.Live;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Projections;

/// <summary>
/// What counting events means, for the consumers and for an admin's replay of a parked event alike: the inbox (once per
/// message id, per consumer), the business identity (once per call event), the event log, the wallboards' nudge and the
/// projections, in the caller's transaction (not committed here).
/// </summary>
public static class ProjectionWrite
{
    /// <summary>Counts the events not seen before; answers how many were.</summary>
    public static async Task<int> CountAsync(TenantSession session, string consumer, List<(Guid MessageId, ITenantEvent Message)> events, CancellationToken ct)
    {
        await ErasureLock.SharedAsync(session, ct);
        var fresh = await InboxAsync(session, consumer, events, ct);
        fresh = await IdentitiesAsync(session, fresh, ct);
        if (fresh.Count == 0)
        {
            return 0; // the inbox rows of messages seen under other ids are kept all the same
        }
        await EventLog.AppendAsync(session, fresh, ct);
        await LiveNudge.SendAsync(session, ct); // delivered at commit all the same
        // Last: the projections lock rows that concurrent batches of other event types also update (a call's waiting
        // row, a queue's interval rows), in one order so that two batches never deadlock.
        await Projector.ApplyAsync(session, fresh.Select(e => e.Message).OrderBy(Projector.LockOrder).ToList(), ct);
        return fresh.Count;
    }

    /// <summary>Records the batch's messages in the inbox; answers those not seen before (each once).</summary>
    private static async Task<List<(Guid MessageId, ITenantEvent Message)>> InboxAsync(
        TenantSession session, string consumer, List<(Guid MessageId, ITenantEvent Message)> events, CancellationToken ct)
    {
        const string inbox = """
            INSERT INTO inbox_messages (consumer, message_id, tenant_id)
            SELECT @Consumer, id, @TenantId FROM unnest(@Ids) AS id
            ON CONFLICT DO NOTHING
            RETURNING message_id
            """;
        var ids = events.Select(e => e.MessageId).Distinct().ToArray();
        var fresh = (await session.QueryAsync<Guid>(inbox, new { Consumer = consumer, Ids = ids, session.TenantId }, ct)).ToHashSet();
        return events.Where(e => fresh.Remove(e.MessageId)).ToList();
    }

    /// <summary>Keeps the events whose business identity was not seen before (under any message id); events without one pass.</summary>
    private static async Task<List<(Guid MessageId, ITenantEvent Message)>> IdentitiesAsync(
        TenantSession session, List<(Guid MessageId, ITenantEvent Message)> events, CancellationToken ct)
    {
        var keyed = events.Select(e => (Event: e, Identity: BusinessIdentity.Of(e.Message))).ToList();
        var withIdentity = keyed.Where(k => k.Identity is not null).ToList();
        if (withIdentity.Count == 0)
        {
            return events;
        }
        const string sql = """
            INSERT INTO event_identities (tenant_id, identity, message_id)
            SELECT @TenantId, i.identity, i.message_id FROM unnest(@Identities, @Ids) AS i(identity, message_id)
            ON CONFLICT DO NOTHING
            RETURNING message_id
            """;
        var fresh = (await session.QueryAsync<Guid>(sql, new
        {
            session.TenantId, Identities = withIdentity.Select(k => k.Identity!).ToArray(), Ids = withIdentity.Select(k => k.Event.MessageId).ToArray(),
        }, ct)).ToHashSet();
        return keyed.Where(k => k.Identity is null || fresh.Contains(k.Event.MessageId)).Select(k => k.Event).ToList();
    }
}
