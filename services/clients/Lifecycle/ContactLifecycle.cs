namespace Platform.Clients.Lifecycle;

/// <summary>
/// The lifecycle as outbound teams practise it: potential → hot potential (interest) → accompanied (signed);
/// a firm no sends a hot potential back to potential; an accompanied client who ends the contract is churned and
/// becomes potential again when the project's cooldown is over; do-not-call is final. Every other move is refused
/// with the reason.
/// </summary>
public static class ContactLifecycle
{
    public sealed record Result(ContactStatus? To, string? Refusal)
    {
        public bool Allowed => Refusal is null;
    }

    public static Result Next(ContactStatus from, LifecycleMove move) => (from, move) switch
    {
        (_, LifecycleMove.None) => Stay(from),
        (ContactStatus.DoNotCall, LifecycleMove.DoNotCall) => Stay(from),
        (ContactStatus.DoNotCall, _) => Refuse("The contact asked not to be called; do-not-call is final."),
        (_, LifecycleMove.DoNotCall) => Go(ContactStatus.DoNotCall),

        (ContactStatus.Potential or ContactStatus.HotPotential or ContactStatus.Churned, LifecycleMove.BecomeHot) => Go(ContactStatus.HotPotential),
        (ContactStatus.Accompanied, LifecycleMove.BecomeHot) => Refuse("An accompanied client is already a customer; record the offer's outcome without a status move."),

        (_, LifecycleMove.SignContract) => Go(ContactStatus.Accompanied),

        (ContactStatus.HotPotential or ContactStatus.Potential, LifecycleMove.FirmNo) => Go(ContactStatus.Potential),
        (ContactStatus.Accompanied or ContactStatus.Churned, LifecycleMove.FirmNo) => Stay(from), // declined an offer; nothing else changes

        (ContactStatus.Accompanied, LifecycleMove.EndContract) => Go(ContactStatus.Churned),
        (_, LifecycleMove.EndContract) => Refuse($"Only an accompanied client can end a contract; this contact is {Name(from)}."),

        (ContactStatus.Churned, LifecycleMove.CooldownElapsed) => Go(ContactStatus.Potential),
        (_, LifecycleMove.CooldownElapsed) => Refuse($"Only a churned contact waits out a cooldown; this contact is {Name(from)}."),

        _ => Refuse($"No move {move} from {Name(from)}."),
    };

    /// <summary>The status as the API and the database write it: <c>hot_potential</c>, <c>do_not_call</c>…</summary>
    public static string Name(ContactStatus status) => SnakeCase.Of(status);

    /// <summary>The statuses a contact may be called in (churned ones wait out their cooldown, do-not-call is final), by name.</summary>
    public static readonly string[] Callable = [Name(ContactStatus.Potential), Name(ContactStatus.HotPotential), Name(ContactStatus.Accompanied)];

    public static ContactStatus Parse(string name) =>
        SnakeCase.TryParse<ContactStatus>(name, out var status) ? status : throw new ArgumentException($"Unknown contact status '{name}'.", nameof(name));

    public static bool TryParse(string? name, out ContactStatus status) => SnakeCase.TryParse(name, out status);

    private static Result Go(ContactStatus to) => new(to, null);
    private static Result Stay(ContactStatus from) => new(from, null);
    private static Result Refuse(string reason) => new(null, reason);
}
