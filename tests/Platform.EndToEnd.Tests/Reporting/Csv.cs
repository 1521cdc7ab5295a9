using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Xunit;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>A CSV export as Excel in a European locale reads it: the bytes must start with the UTF-8 byte order mark, fields split at <c>;</c>.</summary>
internal sealed record Csv(IReadOnlyList<string[]> Rows)
{
    public string[] Header => Rows[0];

    public static Csv Parse(byte[] bytes)
    {
        Assert.True(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "the export starts with a UTF-8 byte order mark");
        using var reader = new CsvParser(new StringReader(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)),
            new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Record!);
        }
        return new Csv(rows);
    }

    /// <summary>The row whose <paramref name="column"/> is <paramref name="value"/>, by column name.</summary>
    public Dictionary<string, string> Row(string column, string value)
    {
        var at = Array.IndexOf(Header, column);
        Assert.True(at >= 0, $"the export has a {column} column");
        var row = Rows.Skip(1).Single(r => string.Equals(r[at], value, StringComparison.OrdinalIgnoreCase));
        return Header.Select((name, i) => (name, i)).ToDictionary(h => h.name, h => row[h.i]);
    }

    public IEnumerable<Dictionary<string, string>> Records => Rows.Skip(1).Select(r => Header.Select((name, i) => (name, i)).ToDictionary(h => h.name, h => r[h.i]));

    /// <summary>A number as Excel in a European locale reads it (decimal comma, no thousands separator).</summary>
    public static double Number(string cell)
    {
        Assert.DoesNotContain(".", cell, StringComparison.Ordinal);
        return double.Parse(cell, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent,
            new NumberFormatInfo { NumberDecimalSeparator = ",", NegativeSign = "-" });
    }
}
