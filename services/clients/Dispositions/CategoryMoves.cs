using Platform.Clients.Lifecycle;

namespace Platform.Clients.Dispositions;

/// <summary>
/// Which lifecycle moves a disposition's category allows (plain C#): a category says what happened on the call, the move
/// what it does to the contact, and they must not contradict (a sale that moves to do-not-call, a do-not-call that moves
/// nowhere). Categories that tell nothing of the contact's status (no answer, busy, a complaint…) move nothing.
/// </summary>
public static class CategoryMoves
{
    public static IReadOnlySet<LifecycleMove> Allowed(DispositionCategory category) => category switch
    {
        DispositionCategory.Sale => new HashSet<LifecycleMove> { LifecycleMove.SignContract, LifecycleMove.None },
        DispositionCategory.MeetingSet or DispositionCategory.Interested => new HashSet<LifecycleMove> { LifecycleMove.BecomeHot, LifecycleMove.None },
        DispositionCategory.NotInterested => new HashSet<LifecycleMove> { LifecycleMove.FirmNo, LifecycleMove.None },
        DispositionCategory.ContractEnded => new HashSet<LifecycleMove> { LifecycleMove.EndContract },
        DispositionCategory.DoNotCall => new HashSet<LifecycleMove> { LifecycleMove.DoNotCall },
        _ => new HashSet<LifecycleMove> { LifecycleMove.None },
    };

    /// <summary>Why the pair contradicts itself, or null.</summary>
    public static string? Contradiction(DispositionCategory category, LifecycleMove move) =>
        Allowed(category).Contains(move) ? null
            : $"a '{SnakeCase.Of(category)}' cannot move the contact by '{SnakeCase.Of(move)}' (allowed: {string.Join(", ", Allowed(category).Select(SnakeCase.Of))}).";
}
