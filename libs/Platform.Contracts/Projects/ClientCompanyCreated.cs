namespace Platform.Contracts.Projects;

/// <summary>A call center took on a client company (whose projects follow).</summary>
public sealed record ClientCompanyCreated(Guid TenantId, Guid ClientCompanyId, string Name, DateTimeOffset CreatedAt) : ITenantEvent;
