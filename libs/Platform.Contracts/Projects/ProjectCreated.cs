namespace Platform.Contracts.Projects;

/// <summary>A client company's project was set up in the CRM (clients service).</summary>
public sealed record ProjectCreated(
    Guid TenantId,
    Guid ProjectId,
    string Name,
    ProjectDirection Direction,
    string TimeZone,
    DateTimeOffset CreatedAt) : ITenantEvent;
