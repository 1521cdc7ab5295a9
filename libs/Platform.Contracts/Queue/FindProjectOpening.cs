namespace Platform.Contracts.Queue;

/// <summary>
/// The queue service asks the CRM (which owns each project's calendar and time zone) whether the project is open at
/// <paramref name="At"/>, and when it opens next: callbacks are made in the project's opening hours only. Request/response
/// (answered with <see cref="ProjectOpening"/>); nothing is changed by it.
/// </summary>
public sealed record FindProjectOpening(Guid TenantId, Guid ProjectId, DateTimeOffset At);
