namespace Platform.Contracts.Dialer;

/// <summary>A campaign stopped: the CRM ends every lease it holds (a contact on a call with an agent ends with its outcome).</summary>
public sealed record CampaignLeasesReleased(Guid TenantId, Guid CampaignId, DateTimeOffset At) : ITenantEvent;
