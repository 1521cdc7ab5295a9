namespace Platform.Clients.Lifecycle;

/// <summary>What a call's outcome (its disposition) does to the contact's status.</summary>
public enum LifecycleMove
{
    None,
    BecomeHot,
    SignContract,
    FirmNo,
    EndContract,
    DoNotCall,

    /// <summary>Not a disposition's: the platform makes it when a churned contact's cooldown is over.</summary>
    CooldownElapsed,
}
