namespace Platform.Contracts.Dialer;

/// <summary>
/// The dialer asks the CRM (a request; the answer is <see cref="CallListFound"/>) whether a call list (an import) is one of
/// the project's, before a campaign is made over it: an admin who waits for the answer learns at once of a wrong list.
/// </summary>
public sealed record FindCallList(Guid TenantId, Guid ProjectId, Guid CallListId) : ITenantEvent;

/// <summary>The CRM's answer to <see cref="FindCallList"/>: whether the import is the project's (not found: another project's, or none).</summary>
public sealed record CallListFound(Guid TenantId, Guid CallListId, bool Found) : ITenantEvent;
