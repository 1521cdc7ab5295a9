using Platform.Clients.Lifecycle;

namespace Platform.Clients.Dispositions;

/// <summary>One entry of a project's dispositions catalogue: how an agent writes down a call's result.</summary>
public sealed record Disposition(string Code, string Label, DispositionCategory Category, LifecycleMove Move, bool RequiresNextContact)
{
    /// <summary>What a new project starts with; the admin edits the catalogue afterwards.</summary>
    public static IReadOnlyList<Disposition> Defaults { get; } =
    [
        new("sale", "Sale, contract signed", DispositionCategory.Sale, LifecycleMove.SignContract, false),
        new("meeting_set", "Meeting set", DispositionCategory.MeetingSet, LifecycleMove.BecomeHot, true),
        new("interested", "Interested, decides later", DispositionCategory.Interested, LifecycleMove.BecomeHot, true),
        new("callback", "Call back later", DispositionCategory.Callback, LifecycleMove.None, true),
        new("not_interested", "Not interested", DispositionCategory.NotInterested, LifecycleMove.FirmNo, false),
        new("complaint", "Complaint", DispositionCategory.Complaint, LifecycleMove.None, false),
        new("wrong_number", "Wrong number", DispositionCategory.WrongNumber, LifecycleMove.None, false),
        new("no_answer", "No answer", DispositionCategory.NoAnswer, LifecycleMove.None, false),
        new("resolved", "Question answered", DispositionCategory.Resolved, LifecycleMove.None, false),
        new("contract_ended", "Contract ended", DispositionCategory.ContractEnded, LifecycleMove.EndContract, false),
        new("do_not_call", "Do not call", DispositionCategory.DoNotCall, LifecycleMove.DoNotCall, false),
    ];
}
