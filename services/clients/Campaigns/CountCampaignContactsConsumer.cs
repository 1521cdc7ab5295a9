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
/// The dialer asks how many contacts of a campaign's source are left for today: every contact of the source is judged now
/// (<see cref="ContactsLeft"/>, the dial-time check's own rules) and counted under its standing. Nothing is leased or changed.
/// </summary>
public sealed class CountCampaignContactsConsumer(NpgsqlDataSource db, DoNotCallList doNotCall, TimeProvider clock) : IConsumer<CountCampaignContacts>
{
    /// <summary>The most contacts one count reads; a larger source is counted over its first ones by id (the answer says so).</summary>
    public const int MaxContacts = 100_000;

    public async Task Consume(ConsumeContext<CountCampaignContacts> context)
    {
        var request = context.Message;
        var ct = context.CancellationToken;
        var now = clock.GetUtcNowAsStored();
        await using var session = await db.BeginTenantSessionAsync(request.TenantId, ct);
        var project = await ProjectSettings.LoadAsync(session, request.ProjectId, ct);
        if (project is null)
        {
            await context.RespondAsync(new CampaignContactsCounted(request.TenantId, request.CampaignId, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
            return;
        }
        var rules = (await RecyclingApi.LoadAsync(session, request.ProjectId, ct))!;
        var hours = request.HoursFrom is { } from && request.HoursTo is { } to
            ? new DialTimeCheck.Hours(LocalTime.FromTimeOnly(from), LocalTime.FromTimeOnly(to)) : null;
        var statuses = request.Statuses is { Length: > 0 } s ? s : ContactLifecycle.Callable;
        var contacts = await CampaignCandidates.LoadSourceAsync(session, request.ProjectId, statuses, request.VipOnly, request.CallListId, request.PlanUserIds,
            project.ClientCompanyId, doNotCall,
            MaxContacts + 1, now, ct);
        await session.CommitAsync(ct);
        var instant = Instant.FromDateTimeOffset(now);
        var counts = contacts.Take(MaxContacts)
            .Select(c => ContactsLeft.Judge(new ContactsLeft.Contact(c.Facts, c.Closed, c.Held), project.Calendar, hours, rules, instant))
            .CountBy(standing => standing).ToDictionary();
        int Of(ContactsLeft.Standing standing) => counts.GetValueOrDefault(standing);
        await context.RespondAsync(new CampaignContactsCounted(request.TenantId, request.CampaignId, Math.Min(contacts.Count, MaxContacts),
            Of(ContactsLeft.Standing.DialableNow), Of(ContactsLeft.Standing.DialableLaterToday), Of(ContactsLeft.Standing.DoNotCall),
            Of(ContactsLeft.Standing.NoConsent), Of(ContactsLeft.Standing.OutsideWindow), Of(ContactsLeft.Standing.AttemptsUsedUp),
            Of(ContactsLeft.Standing.RecycledForLater), Of(ContactsLeft.Standing.Closed), Of(ContactsLeft.Standing.Held), contacts.Count > MaxContacts));
    }
}
