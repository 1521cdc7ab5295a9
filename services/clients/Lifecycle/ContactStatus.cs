namespace Platform.Clients.Lifecycle;

/// <summary>Where a contact stands with the client company (shared/domain.md, "The client base").</summary>
public enum ContactStatus
{
    /// <summary>Cold: not using the client company's service, or left it long enough ago.</summary>
    Potential,

    /// <summary>Showed interest but doubts; a next call is agreed.</summary>
    HotPotential,

    /// <summary>Signed: an active customer, called periodically about satisfaction, problems and offers.</summary>
    Accompanied,

    /// <summary>A former customer who ended the contract, waiting out the project's cooldown before becoming potential again.</summary>
    Churned,

    /// <summary>Asked not to be called. Final.</summary>
    DoNotCall,
}
