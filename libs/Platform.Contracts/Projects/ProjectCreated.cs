namespace Platform.Contracts.Projects;

/// <summary>A client company's project was set up in the CRM (clients service); the company is absent for a project without one.</summary>
public sealed record ProjectCreated(
    Guid TenantId,
    Guid ProjectId,
    string Name,
    ProjectDirection Direction,
    string TimeZone,
    DateTimeOffset CreatedAt,
    Guid? ClientCompanyId = null,
    string? ClientCompanyName = null) : ITenantEvent;
