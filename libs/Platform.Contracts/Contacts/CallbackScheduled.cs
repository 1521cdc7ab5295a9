namespace Platform.Contracts.Contacts;

/// <summary>A next call was agreed. <paramref name="AgentId"/> is set for a personal callback, null for a shared one.</summary>
public sealed record CallbackScheduled(Guid TenantId, Guid ContactId, Guid ProjectId, DateTimeOffset DueAt, Guid? AgentId) : ITenantEvent;
