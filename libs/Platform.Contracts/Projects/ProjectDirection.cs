namespace Platform.Contracts.Projects;

/// <summary>Inbound: customers call the project's number. Outbound: agents call a list. Blended: both.</summary>
public enum ProjectDirection
{
    Inbound,
    Outbound,
    Blended,
}
