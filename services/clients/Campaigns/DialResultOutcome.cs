using Platform.Clients.Dispositions;

namespace Platform.Clients.Campaigns;

/// <summary>
/// How a campaign's dial that reached no agent is written on the contact: the outcome's category (which the recycling
/// rules read: its retry delay, whether it counts as an attempt) and whether the number is worth no further call.
/// </summary>
public static class DialResultOutcome
{
    /// <param name="Category">Null: nothing is recorded on the contact (a preview skipped); the lease just ends.</param>
    /// <param name="ClosesBecause">The number will never reach a person (a fax line, a number that does not exist).</param>
    public sealed record Mapping(DispositionCategory? Category, string? ClosesBecause);

    public static Mapping Of(string result) => result switch
    {
        "answering_machine" => new(DispositionCategory.AnsweringMachine, null),
        "busy" => new(DispositionCategory.Busy, null),
        "no_answer" or "failed" => new(DispositionCategory.NoAnswer, null),
        // A person answered and no agent was free within 2 s: tried again as a call nobody answered, after its rest.
        "dropped" => new(DispositionCategory.NoAnswer, null),
        "fax" => new(DispositionCategory.WrongNumber, "the number is a fax line (found by a campaign's dial)"),
        "invalid_number" => new(DispositionCategory.WrongNumber, "the number does not exist (found by a campaign's dial)"),
        "skipped" => new(null, null),
        _ => new(DispositionCategory.NoAnswer, null),
    };
}
