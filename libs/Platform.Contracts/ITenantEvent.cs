namespace Platform.Contracts;

/// <summary>Every event belongs to exactly one tenant (call center); consumers write it only into that tenant's rows.</summary>
public interface ITenantEvent
{
    Guid TenantId { get; }
}
