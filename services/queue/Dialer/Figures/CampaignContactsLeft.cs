using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Contracts.Dialer;
using Platform.Queue.Dialer.Campaigns;
using Platform.Queue.Dialer.Dialing;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Queue.Dialer.Figures;

/// <summary>
/// How many contacts of a campaign's source can still be dialed today, and why the others cannot: the CRM counts them by
/// its dial-time check (a RabbitMQ request, as the lease asks; the CRM is the authority on who may be called).
/// </summary>
public static class CampaignContactsLeft
{
    public sealed record NotDialableToday(int DoNotCall, int NoConsent, int OutsideWindow, int AttemptsUsedUp, int RecycledForLater, int Closed, int Held);

    public sealed record ContactsLeftView(Guid CampaignId, int InSource, int LeftToday, int DialableNow, int DialableLaterToday,
        NotDialableToday NotDialableToday, bool Truncated, DateTime At);

    public static async Task<Results<Ok<ContactsLeftView>, ProblemHttpResult>> GetCampaignContactsLeft(
        Guid campaignId, ClaimsPrincipal user, NpgsqlDataSource db, IBus bus, DialerOptions options, TimeProvider clock, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var campaign = await CampaignEditing.VisibleAsync(session, user, campaignId, ct);
        // A campaign over its agents' plans of the day counts the contacts on those plans.
        var planUsers = campaign?.Source.Kind == CampaignDefinition.DailyPlan
            ? (await session.QueryAsync<Guid>($"""
                SELECT DISTINCT a.user_id FROM {CampaignAgents.OfCampaignSql} JOIN agents a ON a.tenant_id = current_tenant_id() AND a.id = m.agent_id
                WHERE m.campaign_id = @campaignId AND a.user_id IS NOT NULL
                """, new { campaignId }, ct)).ToArray()
            : null;
        await session.CommitAsync(ct);
        if (campaign is null)
        {
            return Problems.NotFound("Campaign", campaignId);
        }
        var client = bus.CreateRequestClient<CountCampaignContacts>(RequestTimeout.After(s: options.LeaseTimeoutSeconds));
        CampaignContactsCounted counted;
        try
        {
            counted = (await client.GetResponse<CampaignContactsCounted>(new CountCampaignContacts(user.TenantId(), campaign.Id, campaign.ProjectId,
                campaign.Source.Statuses ?? [], campaign.Source.VipOnly ?? false, campaign.Hours?.From, campaign.Hours?.To, campaign.Source.CallListId, planUsers), ct)).Message;
        }
        catch (RequestTimeoutException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The CRM did not answer in time.",
                detail: $"The contacts left are counted by the clients service; it gave no answer within {options.LeaseTimeoutSeconds} s. Try again.");
        }
        return TypedResults.Ok(new ContactsLeftView(campaign.Id, counted.InSource, counted.DialableNow + counted.DialableLaterToday, counted.DialableNow,
            counted.DialableLaterToday, new NotDialableToday(counted.DoNotCall, counted.NoConsent, counted.OutsideWindow, counted.AttemptsUsedUp,
                counted.RecycledForLater, counted.Closed, counted.Held), counted.Truncated, clock.GetUtcNow().UtcDateTime));
    }
}
