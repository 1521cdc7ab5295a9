using System.Text.RegularExpressions;
using Platform.Clients.Lifecycle;

namespace Platform.Clients.Dispositions;

/// <summary>What makes a dispositions catalogue usable, as plain C#: unique codes, known categories and moves.</summary>
public static partial class DispositionRules
{
    public const int MaxEntries = 100;

    public static (IReadOnlyList<Disposition>? Dispositions, Dictionary<string, string[]> Errors) Read(IReadOnlyList<DispositionsApi.DispositionDocument?> catalogue)
    {
        var errors = new Dictionary<string, string[]>();
        if (catalogue.Count is 0 or > MaxEntries)
        {
            errors["dispositions"] = [$"1 to {MaxEntries} dispositions."];
            return (null, errors);
        }
        var dispositions = new List<Disposition>();
        for (var i = 0; i < catalogue.Count; i++)
        {
            var entry = catalogue[i];
            var problems = new List<string>();
            if (entry?.Code is not { } code || !Code().IsMatch(code)) problems.Add("code: 1 to 40 lower-case letters, digits or '_'.");
            else if (dispositions.Any(d => d.Code == code)) problems.Add($"code '{code}' appears twice.");
            if (entry?.Label is not { } label || label.Trim().Length is 0 or > 100 || label.Any(char.IsControl)) problems.Add("label: 1 to 100 printable characters.");
            if (!SnakeCase.TryParse<DispositionCategory>(entry?.Category, out var category))
                problems.Add($"category: one of {string.Join(", ", Enum.GetValues<DispositionCategory>().Select(SnakeCase.Of))}.");
            if (!SnakeCase.TryParse<LifecycleMove>(entry?.Move, out var move) || move == LifecycleMove.CooldownElapsed)
                problems.Add($"move: one of {string.Join(", ", Enum.GetValues<LifecycleMove>().Where(m => m != LifecycleMove.CooldownElapsed).Select(SnakeCase.Of))}.");
            if (problems.Count == 0 && CategoryMoves.Contradiction(category, move) is { } contradiction)
            {
                problems.Add($"move: {contradiction}");
            }
            if (problems.Count > 0)
            {
                errors[$"dispositions[{i}]"] = [.. problems];
                continue;
            }
            dispositions.Add(new Disposition(entry!.Code!, entry.Label!.Trim(), category, move, entry.RequiresNextContact));
        }
        return errors.Count > 0 ? (null, errors) : (dispositions, errors);
    }

    [GeneratedRegex("^[a-z0-9_]{1,40}$")]
    private static partial Regex Code();
}
