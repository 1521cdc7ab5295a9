using MassTransit;
using NodaTime;
using Npgsql;
using Platform.Clients.Lifecycle;
using Platform.Clients.Privacy;
using Platform.Clients.Projects;
using Platform.Clients.Recycling;
using Platform.Contracts.Dialer;
using Platform.ServiceDefaults.Database;

namespace Platform.Clients.Campaigns;

/// <summary>
/// The dialer asks for the next dialable contacts of a campaign: each candidate is checked now (<see cref="DialTimeCheck"/>)
/// and the first <see cref="LeaseDialableContacts.Count"/> that pass are leased to the campaign in the same transaction
/// (a conditional insert: a contact another plan or campaign holds stays theirs; a plan campaign takes over the hold of the
/// plan it dials for that agent). The answer names them.
/// </summary>
public sealed class LeaseDialableContactsConsumer(NpgsqlDataSource db, DoNotCallList doNotCall, TimeProvider clock) : IConsumer<LeaseDialableContacts>
{
    public const int MaxCount = 200;

    public async Task Consume(ConsumeContext<LeaseDialableContacts> context)
    {
        var request = context.Message;
        var ct = context.CancellationToken;
        var now = clock.GetUtcNowAsStored();
        var count = Math.Clamp(request.Count, 0, MaxCount);
        await using var session = await db.BeginTenantSessionAsync(request.TenantId, ct);
        var project = await ProjectSettings.LoadAsync(session, request.ProjectId, ct);
        if (project is null || count == 0)
        {
            await context.RespondAsync(new DialableContactsLeased(request.TenantId, request.CampaignId, [], 0));
            return;
        }
        var rules = (await RecyclingApi.LoadAsync(session, request.ProjectId, ct))!;
        var hours = request.HoursFrom is { } from && request.HoursTo is { } to
            ? new DialTimeCheck.Hours(LocalTime.FromTimeOnly(from), LocalTime.FromTimeOnly(to)) : null;
        var statuses = request.Statuses is { Length: > 0 } s ? s : ContactLifecycle.Callable;
        var candidates = await CampaignCandidates.LoadAsync(session, request.ProjectId, statuses, request.VipOnly, request.CallListId, request.PlanUserIds,
            project.ClientCompanyId, doNotCall,
            fetch: count * 4 + 20, now, ct);
        var instant = Instant.FromDateTimeOffset(now);
        var dialable = candidates.Where(c => DialTimeCheck.Check(c.Facts, project.Calendar, hours, rules, instant).MayDial).Take(count).ToList();
        var leased = dialable.Count == 0 ? [] : (await session.QueryAsync<Guid>("""
            INSERT INTO contact_leases (tenant_id, contact_id, agent_id, campaign_id, leased_at, leased_until)
            SELECT @TenantId, c, @CampaignId, @CampaignId, @now, @LeasedUntil FROM unnest(@ids) AS c ORDER BY c
            ON CONFLICT (tenant_id, contact_id) DO UPDATE SET agent_id = EXCLUDED.agent_id, campaign_id = EXCLUDED.campaign_id,
                leased_at = EXCLUDED.leased_at, leased_until = EXCLUDED.leased_until
            WHERE contact_leases.leased_until <= EXCLUDED.leased_at
               OR (contact_leases.campaign_id IS NULL AND contact_leases.agent_id = ANY(COALESCE(CAST(@planUsers AS uuid[]), '{}')))
            RETURNING contact_id
            """, new { session.TenantId, request.CampaignId, now, request.LeasedUntil, ids = dialable.Select(c => c.Id).ToArray(), planUsers = request.PlanUserIds },
            ct)).ToHashSet();
        await session.CommitAsync(ct);
        await context.RespondAsync(new DialableContactsLeased(request.TenantId, request.CampaignId,
            dialable.Where(c => leased.Contains(c.Id)).Select(c => new DialableContact(c.Id, c.Phone, c.TimeZone, c.Name)).ToArray(),
            candidates.Count - dialable.Count));
    }
}
