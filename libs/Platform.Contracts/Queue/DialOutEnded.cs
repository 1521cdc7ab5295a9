namespace Platform.Contracts.Queue;

/// <summary>
/// A dial-out the platform asked the PBX for has its result (<paramref name="Purpose"/> <c>callback</c>; the outbound
/// dialer's purposes later): <c>answered</c>, <c>no_answer</c>, <c>busy</c>, <c>answering_machine</c>, <c>failed</c>.
/// <paramref name="Attempt"/> numbers the call's dial-outs from 1; <paramref name="RetryAt"/> is set when the callback will be
/// dialled again then (no answer or busy, attempts left); <paramref name="Final"/> when no further attempt follows.
/// </summary>
public sealed record DialOutEnded(
    Guid TenantId, Guid CallId, Guid QueueId, Guid ProjectId, Guid? AgentId, string Purpose, string Result, int Attempt,
    DateTimeOffset? RetryAt, bool Final, DateTimeOffset At) : ITenantEvent;
