using NodaTime;
using Platform.Clients.Dispositions;

namespace Platform.Clients.Recycling;

/// <summary>
/// The rules as the API and the database write them: retry delays in minutes by category, the two limits, and the rests
/// in days after a decision (<c>restDays</c>; left out: the defaults, not_interested 90 and sale 30; <c>{}</c>: none).
/// </summary>
public sealed record RecyclingDocument(Dictionary<string, int>? RetryDelayMinutes, int? MaxAttempts, int? MaxAttemptsPerDay,
    Dictionary<string, int>? RestDays = null)
{
    public const int MaxDelayMinutes = 60 * 24 * 365;
    public const int MaxRestDays = 3650;

    public static RecyclingDocument From(RecyclingRules rules) => new(
        rules.RetryDelays.ToDictionary(d => SnakeCase.Of(d.Key), d => (int)d.Value.TotalMinutes), rules.MaxAttempts, rules.MaxAttemptsPerDay,
        rules.RestsInForce.ToDictionary(r => SnakeCase.Of(r.Key), r => (int)r.Value.TotalDays));

    public (RecyclingRules? Rules, Dictionary<string, string[]> Errors) ToRules()
    {
        var errors = new Dictionary<string, string[]>();
        var delays = new Dictionary<DispositionCategory, Duration>();
        foreach (var (name, minutes) in RetryDelayMinutes ?? [])
        {
            if (!SnakeCase.TryParse<DispositionCategory>(name, out var category))
            {
                errors[$"retryDelayMinutes.{name}"] = [$"Not a category: one of {string.Join(", ", Enum.GetValues<DispositionCategory>().Select(SnakeCase.Of))}."];
            }
            else if (minutes is < 0 or > MaxDelayMinutes)
            {
                errors[$"retryDelayMinutes.{name}"] = [$"0 to {MaxDelayMinutes} minutes."];
            }
            else
            {
                delays[category] = Duration.FromMinutes(minutes);
            }
        }
        Dictionary<DispositionCategory, Duration>? rests = null;
        if (RestDays is not null)
        {
            rests = [];
            foreach (var (name, days) in RestDays)
            {
                if (!SnakeCase.TryParse<DispositionCategory>(name, out var category) || !RecyclingRules.MayRest(category))
                {
                    errors[$"restDays.{name}"] = [$"Not a decision: one of {string.Join(", ", Enum.GetValues<DispositionCategory>().Where(RecyclingRules.MayRest).Select(SnakeCase.Of))}."];
                }
                else if (days is < 0 or > MaxRestDays)
                {
                    errors[$"restDays.{name}"] = [$"0 to {MaxRestDays} days."];
                }
                else
                {
                    rests[category] = Duration.FromDays(days);
                }
            }
        }
        if (MaxAttempts is not (>= 1 and <= RecyclingRules.MaxAttemptsCap))
        {
            errors["maxAttempts"] = [$"1 to {RecyclingRules.MaxAttemptsCap} attempts in total."];
        }
        if (MaxAttemptsPerDay is not >= 1 || MaxAttemptsPerDay > MaxAttempts)
        {
            errors["maxAttemptsPerDay"] = ["At least 1 a day, and no more than the total."];
        }
        return errors.Count > 0 ? (null, errors) : (new RecyclingRules(delays, MaxAttempts!.Value, MaxAttemptsPerDay!.Value, rests), errors);
    }
}
