using FsCheck.Xunit;

namespace Platform.Reporting.Tests.Scorecards;

public sealed class SatisfactionRatingsTests
{
    [Fact]
    public void Csat_is_the_share_of_ratings_of_four_or_five_and_the_average_weighs_each_score()
    {
        var ratings = SatisfactionRatings.Sum([SatisfactionRatings.Of(5), SatisfactionRatings.Of(4), SatisfactionRatings.Of(2), SatisfactionRatings.Of(3),
            SatisfactionRatings.Of(5)]);

        Assert.Equal((5L, 3L), (ratings.Responses, ratings.Satisfied));
        Assert.Equal(0.6, ratings.Csat!.Value, 10);
        Assert.Equal(19 / 5.0, ratings.AverageRating!.Value, 10);
    }

    [Fact]
    public void No_response_is_no_score_not_zero() =>
        Assert.Equal((0L, (double?)null, (double?)null), (SatisfactionRatings.None.Responses, SatisfactionRatings.None.Csat, SatisfactionRatings.None.AverageRating));

    [Theory]
    [InlineData("1", 1)]
    [InlineData("5", 5)]
    [InlineData("0", null)]
    [InlineData("6", null)]
    [InlineData("4.5", null)]
    [InlineData(" 4", null)]
    [InlineData("-1", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_rating_is_a_whole_number_from_one_to_five(string? answer, int? rating) => Assert.Equal(rating, SatisfactionRatings.Read(answer));

    [Property]
    public bool Summing_in_any_split_gives_the_same_figures(byte[] scores, int cut)
    {
        var all = scores.Select(s => SatisfactionRatings.Of(s % 5 + 1)).ToList();
        var at = all.Count == 0 ? 0 : Math.Abs(cut % (all.Count + 1));
        var whole = SatisfactionRatings.Sum(all);
        return whole == SatisfactionRatings.Sum(all.Take(at)).Add(SatisfactionRatings.Sum(all.Skip(at))) && whole.Responses == all.Count
            && whole.Csat is null == (all.Count == 0) && (whole.AverageRating is null || whole.AverageRating is >= 1 and <= 5);
    }
}
