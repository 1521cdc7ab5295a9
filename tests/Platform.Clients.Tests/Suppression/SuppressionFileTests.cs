using System.Text;
using Platform.Clients.Suppression;
using Xunit;

namespace Platform.Clients.Tests.Suppression;

public sealed class SuppressionFileTests
{
    private static Task<SuppressionFile.Read> ReadAsync(string csv, string country = "CZ") =>
        SuppressionFile.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), country, CancellationToken.None);

    [Fact]
    public async Task Numbers_in_any_format_become_one_e164_each_and_a_header_is_no_rejection()
    {
        var read = await ReadAsync("phone;source\n777 123 456;x\n+420777123456;y\n00420 777 123 457;z\n\n");

        Assert.Equal(["+420777123456", "+420777123457"], read.Numbers.Order());
        Assert.Equal(0, read.RejectedCount);
    }

    [Fact]
    public async Task Every_line_that_is_no_number_is_counted_and_told_with_its_line()
    {
        var read = await ReadAsync("+420777123456\nhello\n12\n\"unclosed\n");

        Assert.Equal(["+420777123456"], read.Numbers);
        Assert.Equal(3, read.RejectedCount);
        Assert.Equal([2, 3, 4], read.Rejections.Select(r => r.Line));
    }

    [Fact]
    public async Task Without_a_country_a_number_needs_its_country_code()
    {
        var read = await ReadAsync("777 123 456\n+420 777 123 457\n", "ZZ");

        Assert.Equal(["+420777123457"], read.Numbers);
    }
}
