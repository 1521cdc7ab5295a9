namespace Platform.Contracts.Contacts;

/// <summary>An agent drew the plan of the day: the contacts planned, for reporting to compare plan and result.</summary>
public sealed record DailyPlanDrawn(Guid TenantId, Guid AgentId, DateOnly Date, Guid[] ContactIds, DateTimeOffset DrawnAt) : ITenantEvent;
