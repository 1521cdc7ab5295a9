namespace Platform.CallSimulator.Campaigns;

/// <summary>The campaign an agent works in a dialer run, and its dial mode (preview agents ask for a card and dial).</summary>
public sealed record CampaignSeat(Guid CampaignId, string Mode);
