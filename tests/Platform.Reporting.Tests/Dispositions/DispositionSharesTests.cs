using FsCheck.Xunit;

namespace Platform.Reporting.Tests.Dispositions;

public sealed class DispositionSharesTests
{
    private static DispositionShares.Counted<string> C(string row, string disposition, long count) => new(row, disposition, count);

    [Fact]
    public void Each_row_gets_every_disposition_of_the_range_with_its_share_of_that_row()
    {
        var grid = DispositionShares.Grid(["09:00", "09:15", "09:30"], [C("09:00", "sale", 1), C("09:00", "no", 3), C("09:15", "no", 2)]);

        Assert.Equal(6, grid.Count);
        Assert.Equal(0.25, grid.Single(s => s is { Row: "09:00", Disposition: "sale" }).Of);
        Assert.Equal(0.75, grid.Single(s => s is { Row: "09:00", Disposition: "no" }).Of);
        var none = grid.Single(s => s is { Row: "09:15", Disposition: "sale" });
        Assert.Equal((0L, (double?)0.0), (none.Count, none.Of)); // none of this row's results: a 0 % share
        Assert.All(grid.Where(s => s.Row == "09:30"), s => Assert.Equal((0L, 0L, (double?)null), (s.Count, s.RowTotal, s.Of))); // no results: no share, not 0 %
    }

    [Property]
    public bool A_row_with_results_has_shares_that_add_up_to_one(byte[] counts)
    {
        var written = counts.Select((n, i) => C("row", $"d{i}", n)).ToList();
        var shares = DispositionShares.Grid(["row"], written);
        var total = counts.Sum(n => (long)n);
        return total == 0 ? shares.All(s => s.Of is null) : Math.Abs(shares.Sum(s => s.Of!.Value) - 1) < 1e-9 && shares.All(s => s.RowTotal == total);
    }
}
