namespace Platform.Contracts.Scripts;

/// <summary>A script session opened on a project's active version (on an answered call, or started by hand for outbound work).</summary>
public sealed record ScriptSessionStarted(
    Guid TenantId, Guid SessionId, Guid ScriptId, int Version, Guid ProjectId, Guid? CallId, Guid? ContactId, Guid? AgentUserId,
    DateTimeOffset At) : ITenantEvent;
