namespace Platform.Contracts.Projects;

/// <summary>A client company's name changed.</summary>
public sealed record ClientCompanyRenamed(Guid TenantId, Guid ClientCompanyId, string Name, DateTimeOffset RenamedAt) : ITenantEvent;
