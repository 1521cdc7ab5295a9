using NodaTime;

namespace Platform.Clients.Consent;

/// <summary>The latest word a contact gave on one purpose.</summary>
public sealed record ConsentState(ConsentPurpose Purpose, bool Granted, Instant At, Instant? ExpiresAt)
{
    public bool HoldsAt(Instant now) => Granted && (ExpiresAt is null || ExpiresAt > now);
}
