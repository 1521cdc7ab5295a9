namespace Platform.Contracts.Dialer;

/// <summary>A contact leased to a campaign for one dial: whom, at which number (E.164), in which zone.</summary>
public sealed record DialableContact(Guid ContactId, string Number, string TimeZone, string Name);
