namespace Platform.Contracts.Queue;

/// <summary>
/// The CRM's answer to <see cref="FindProjectOpening"/>, from the project's business calendar (hours, lunch, holidays,
/// exceptions) in its time zone. <paramref name="Known"/> is false for a project the CRM does not have. When open,
/// <paramref name="ClosesAt"/> ends the current opening; when closed, <paramref name="ClosedBecause"/> says why and
/// <paramref name="NextOpensAt"/> is the next opening (null: none in the next 400 days), on another local day or not.
/// </summary>
public sealed record ProjectOpening(
    Guid TenantId, Guid ProjectId, bool Known, bool OpenNow, string? ClosedBecause, DateTimeOffset? ClosesAt,
    DateTimeOffset? NextOpensAt, bool NextOpensAnotherDay);
