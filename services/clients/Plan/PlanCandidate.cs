using NodaTime;
using Platform.Clients.Lifecycle;

namespace Platform.Clients.Plan;

/// <summary>A contact that may be due (consent and do-not-call already checked by the query), with what the plan needs to place it.</summary>
public sealed record PlanCandidate(Guid ContactId, Guid ProjectId, string Name, string Phone, ContactStatus Status, bool Vip,
    Instant? NextContactAt, Guid? CallbackAgentId, DateTimeZone Zone, bool OpenComplaint = false, IReadOnlyList<DateTimeZone>? OtherZones = null,
    string? Country = null);
