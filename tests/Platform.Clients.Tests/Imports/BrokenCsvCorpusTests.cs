using System.Text;
using Platform.Clients.Imports;
using Xunit;

namespace Platform.Clients.Tests.Imports;

/// <summary>
/// Broken call lists with their exact record counts: whatever is wrong with a line, every other line is still a record,
/// and the broken one is a record too (a row error), so the job's count always equals the file's data lines.
/// </summary>
public sealed class BrokenCsvCorpusTests
{
    private static async Task<List<CsvFile.Line>> ReadAsync(string csv)
    {
        var lines = new List<CsvFile.Line>();
        await foreach (var line in CsvFile.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv))))
        {
            lines.Add(line);
        }
        return lines;
    }

    public static TheoryData<string, string, int, int[]> Corpus => new()
    {
        // name, file, data records, the lines that are row errors
        { "clean", "name,phone\nA,1\nB,2\nC,3\n", 3, [] },
        { "an unclosed quote in the middle swallows nothing", "name,phone\nA,1\n\"B,2\nC,3\nD,4\n", 4, [3] },
        { "an unclosed quote on the last line", "name,phone\nA,1\nB,2\n\"C,3\n", 3, [4] },
        { "a stray quote inside a field", "name,phone\nA 5\"x,1\nB,2\nC,3\n", 3, [2] },
        { "two unclosed quotes", "name,phone\n\"A,1\n\"B,2\nC,3\n", 3, [2, 3] },
        { "a quote closed lines later but with the wrong field count", "name,phone\n\"A,1\nB,2\nC\",3,4,5\nD,4\n", 4, [2, 4] },
        { "blank lines are no records", "name,phone\n\nA,1\n   \nB,2\n\n", 2, [] },
        { "CRLF line ends", "name,phone\r\nA,1\r\n\"B,2\r\nC,3\r\n", 3, [3] },
        { "escaped quotes are fine", "name,phone\n\"A \"\"the boss\"\"\",1\nB,2\n", 2, [] },
        { "more or fewer fields than the header are records", "name,phone\nA,1,extra\nB\nC,3\n", 3, [] },
        { "no line end at the end of the file", "name,phone\nA,1\nB,2", 2, [] },
        { "semicolons and a broken quote", "name;phone\nA;1\n\"B;2\nC;3\n", 3, [3] },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Every_data_line_is_one_record_and_only_the_broken_ones_are_row_errors(string name, string csv, int records, int[] broken)
    {
        var lines = await ReadAsync(csv);

        Assert.True(records == lines.Count - 1, $"{name}: {lines.Count - 1} records");
        Assert.Equal(broken, lines.Where(l => l.Malformed).Select(l => l.Number));
    }

    [Fact]
    public async Task A_quoted_field_with_a_line_break_is_one_record_that_starts_on_its_first_line()
    {
        var lines = await ReadAsync("name,phone,address\nA,1,\"Main street 1\nPrague\"\nB,2,x\n");

        Assert.Equal([1, 2, 4], lines.Select(l => l.Number));
        Assert.Equal("Main street 1\nPrague", lines[1].Fields[2]);
        Assert.False(lines[1].Malformed);
    }

    [Fact]
    public async Task A_broken_line_keeps_its_raw_text_and_says_why()
    {
        var lines = await ReadAsync("name,phone\n\"B,2\nC,3\n");

        Assert.Equal(("\"B,2", "Malformed CSV: a quote is not closed on this line."), (lines[1].Raw, lines[1].Problem));
        Assert.Equal(["C", "3"], lines[2].Fields);
    }

    [Fact]
    public void A_stored_row_reads_with_its_headers_delimiter()
    {
        Assert.Equal(["Novák, Jan", "777 1"], CsvFile.FieldsOf("\"Novák, Jan\";777 1", "name;phone"));
        Assert.Empty(CsvFile.FieldsOf("\"broken;1", "name;phone"));
    }
}
