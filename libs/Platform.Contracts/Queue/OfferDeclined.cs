namespace Platform.Contracts.Queue;

/// <summary>
/// An agent declined a call offered to them: on the desktop with their <paramref name="Reason"/>, or on the phone
/// (<paramref name="Via"/> <c>desktop</c> or <c>phone</c>). The call goes back to its place for the others; it is not
/// offered to that agent again.
/// </summary>
public sealed record OfferDeclined(
    Guid TenantId, Guid CallId, Guid QueueId, Guid ProjectId, Guid AgentId, string Reason, string Via, DateTimeOffset At) : ITenantEvent;
