namespace Platform.Clients.Consent;

/// <summary>What a person consented to (or withdrew): each is recorded on its own.</summary>
public enum ConsentPurpose
{
    DataProcessing,
    Calls,
    Recording,
}
