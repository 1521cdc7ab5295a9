using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Platform.Clients.Imports;

/// <summary>Reads a call list with CsvHelper: delimiter detected (comma, semicolon, tab), fields trimmed, a malformed line reported, not fatal.</summary>
public static class CsvFile
{
    public sealed record Line(int Number, string[] Fields, bool Malformed);

    public static IEnumerable<Line> Read(byte[] content)
    {
        var malformed = false;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = _ => malformed = true,
        };
        using var reader = new StreamReader(new MemoryStream(content), detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, configuration);
        while (parser.Read())
        {
            var record = parser.Record ?? [];
            yield return new Line(parser.Row, record, malformed);
            malformed = false;
        }
    }

    public static string[]? Header(byte[] content) => Read(content).FirstOrDefault()?.Fields;
}
