using System.Globalization;

namespace Platform.Reporting.Kpis;

/// <summary>
/// Customer satisfaction (CSAT) from a post-call survey's rating question, 1 (very dissatisfied) to 5 (very satisfied): the
/// responses per score, the average score, and CSAT as the trade states it, the share of responses that are satisfied (4 or 5,
/// "top two boxes"). Null when there is no response.
/// </summary>
public sealed record SatisfactionRatings(long Rating1, long Rating2, long Rating3, long Rating4, long Rating5)
{
    public const int Lowest = 1, Highest = 5, SatisfiedFrom = 4;

    public static readonly SatisfactionRatings None = new(0, 0, 0, 0, 0);

    public long Responses => Rating1 + Rating2 + Rating3 + Rating4 + Rating5;

    public long Satisfied => Rating4 + Rating5;

    /// <summary>Satisfied responses (4 or 5) / responses.</summary>
    public double? Csat => Kpi.Ratio(Satisfied, Responses);

    public double? AverageRating => Kpi.Ratio(Rating1 + 2 * Rating2 + 3 * Rating3 + 4 * Rating4 + 5 * Rating5, Responses);

    public SatisfactionRatings Add(SatisfactionRatings other) => new(Rating1 + other.Rating1, Rating2 + other.Rating2, Rating3 + other.Rating3,
        Rating4 + other.Rating4, Rating5 + other.Rating5);

    public static SatisfactionRatings Sum(IEnumerable<SatisfactionRatings> all) => all.Aggregate(None, (a, b) => a.Add(b));

    /// <summary>One response of <paramref name="rating"/>.</summary>
    public static SatisfactionRatings Of(int rating) => rating switch
    {
        1 => new(1, 0, 0, 0, 0),
        2 => new(0, 1, 0, 0, 0),
        3 => new(0, 0, 1, 0, 0),
        4 => new(0, 0, 0, 1, 0),
        5 => new(0, 0, 0, 0, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating is 1 to 5."),
    };

    /// <summary>A rating answer as the script records it: a whole number from 1 to 5, as text; anything else is no rating.</summary>
    public static int? Read(string? answer) =>
        int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var rating) && rating is >= Lowest and <= Highest ? rating : null;
}
