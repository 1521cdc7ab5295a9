using Platform.Queue.Dialer.Figures;
using Platform.Queue.Dialer.Preview;
using Platform.ServiceDefaults.Auth;

namespace Platform.Queue.Dialer.Campaigns;

/// <summary>Outbound campaigns (docs/dialer.md): admins make and edit them, supervisors start, pause and stop them, agents see theirs.</summary>
public static class CampaignsApi
{
    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/queue/campaigns").WithTags("Campaigns").RequireAuthorization(Policies.Staff);
        group.MapPost("/", CampaignEditing.CreateCampaign).WithName("CreateCampaign").RequireAuthorization(Policies.Admin)
            .WithSummary("Makes a campaign of a project (a draft): its list, agents and groups, dial mode, caller id, hours, abandon cap.");
        group.MapGet("/", CampaignEditing.ListCampaigns).WithName("ListCampaigns")
            .WithSummary("The campaigns (of one project with projectId); an agent sees the campaigns they work.");
        group.MapGet("/{campaignId:guid}", CampaignEditing.GetCampaign).WithName("GetCampaign")
            .WithSummary("One campaign; an agent sees only a campaign they work.");
        group.MapPut("/{campaignId:guid}", CampaignEditing.UpdateCampaign).WithName("UpdateCampaign").RequireAuthorization(Policies.Admin)
            .WithSummary("Replaces a draft or paused campaign's definition (whole); 409 while it runs or once stopped.");
        group.MapPost("/{campaignId:guid}/start", CampaignControl.StartCampaign).WithName("StartCampaign").RequireAuthorization(Policies.Supervision)
            .WithSummary("Starts (or resumes) dialing; 409 when it runs already or is stopped.");
        group.MapPost("/{campaignId:guid}/pause", CampaignControl.PauseCampaign).WithName("PauseCampaign").RequireAuthorization(Policies.Supervision)
            .WithSummary("No new dial; the dials ringing end as they do.");
        group.MapPost("/{campaignId:guid}/stop", CampaignControl.StopCampaign).WithName("StopCampaign").RequireAuthorization(Policies.Supervision)
            .WithSummary("Stops for good: no new dial, previews not dialed are cancelled, its leases end.");
        group.MapGet("/{campaignId:guid}/figures", CampaignFigures.GetCampaignFigures).WithName("GetCampaignFigures")
            .WithSummary("Live figures: dialed, connected, people reached, drops, abandon rate against the cap, agents idle, results.");
        group.MapGet("/{campaignId:guid}/contacts-left", CampaignContactsLeft.GetCampaignContactsLeft).WithName("GetCampaignContactsLeft")
            .WithSummary("The contacts of its source that can still be dialed today (now, later today), and the others by the reason they cannot.");
        group.MapPost("/{campaignId:guid}/preview", PreviewDialing.NextPreview).WithName("NextPreview")
            .WithSummary("Preview: the next contact for the agent (card, checked and leased now); then dial or skip it.");

        var dials = routes.MapGroup("/api/queue/campaign-dials").WithTags("Campaigns").RequireAuthorization(Policies.Staff);
        dials.MapGet("/{dialId:guid}", PreviewDialing.GetDial).WithName("GetCampaignDial")
            .WithSummary("One attempt of a campaign: the contact, its state and result.");
        dials.MapPost("/{dialId:guid}/dial", PreviewDialing.DialPreview).WithName("DialPreview")
            .WithSummary("The agent dials the previewed contact (dial_out with the agent); 409 when it is no longer previewed.");
        dials.MapPost("/{dialId:guid}/skip", PreviewDialing.SkipPreview).WithName("SkipPreview")
            .WithSummary("The agent skips the previewed contact with a reason: the lease ends and the skip is recorded.");
        return routes;
    }
}
