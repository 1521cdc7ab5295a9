using Platform.Clients.Dispositions;

namespace Platform.Clients.Outcomes;

/// <summary>What makes an outcome recordable, as plain C#: a disposition of the project's catalogue, and a next contact date where it asks for one.</summary>
public static class OutcomeRules
{
    public const int MaxNotesLength = 4000;
    public const int MaxDurationSeconds = 24 * 60 * 60;
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(2 * 365);

    public sealed record Checked(Disposition Disposition, string? Notes);

    public static (Checked? Outcome, Dictionary<string, string[]> Errors) Check(OutcomesApi.RecordOutcomeRequest request,
        IReadOnlyList<Disposition> catalogue, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var disposition = catalogue.FirstOrDefault(d => d.Code == request.Disposition);
        if (disposition is null)
        {
            errors["disposition"] = [$"Not in this project's catalogue: {string.Join(", ", catalogue.Select(d => d.Code))}."];
        }
        var notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim();
        if (notes is { Length: > MaxNotesLength } || notes?.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) == true)
        {
            errors["notes"] = [$"At most {MaxNotesLength} characters; no control characters but line breaks and tabs."];
        }
        if (request.DurationSeconds is < 0 or > MaxDurationSeconds)
        {
            errors["durationSeconds"] = [$"0 to {MaxDurationSeconds} seconds."];
        }
        if (request.NextContactAt is { } next && (next < now.AddMinutes(-1) || next > now + Horizon))
        {
            errors["nextContactAt"] = ["The next contact lies in the future, within two years."];
        }
        else if (disposition is { RequiresNextContact: true } && request.NextContactAt is null)
        {
            errors["nextContactAt"] = [$"'{disposition.Label}' needs the date of the next contact."];
        }
        if (request.PersonalCallback && request.NextContactAt is null)
        {
            errors["personalCallback"] = ["A personal callback needs its date (nextContactAt)."];
        }
        return errors.Count > 0 ? (null, errors) : (new Checked(disposition!, notes), errors);
    }
}
