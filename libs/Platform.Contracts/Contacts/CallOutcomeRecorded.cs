namespace Platform.Contracts.Contacts;

/// <summary>An agent wrote down a call's result.</summary>
public sealed record CallOutcomeRecorded(
    Guid TenantId, Guid OutcomeId, Guid ContactId, Guid ProjectId, Guid AgentId, Guid? CallId, string Disposition, string Category,
    int? DurationSeconds, DateTimeOffset? NextContactAt, DateTimeOffset RecordedAt) : ITenantEvent;
