namespace Platform.Clients.Dispositions;

/// <summary>What kind of result a call had: the trade's categories, which reports count by.</summary>
public enum DispositionCategory
{
    Sale,
    MeetingSet,
    Interested,
    Callback,
    NotInterested,
    Complaint,
    WrongNumber,
    NoAnswer,
    Resolved,
    ContractEnded,
    DoNotCall,
    Busy,
    AnsweringMachine,
}
