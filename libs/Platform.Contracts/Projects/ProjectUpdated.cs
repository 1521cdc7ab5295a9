namespace Platform.Contracts.Projects;

/// <summary>A project's settings changed after onboarding (name, cooldown, country, client company); direction and zone do not change.</summary>
public sealed record ProjectUpdated(
    Guid TenantId,
    Guid ProjectId,
    string Name,
    int CooldownDays,
    Guid? ClientCompanyId,
    string? ClientCompanyName,
    DateTimeOffset UpdatedAt) : ITenantEvent;
