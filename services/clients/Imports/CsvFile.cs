using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;

namespace Platform.Clients.Imports;

/// <summary>Reads a call list with CsvHelper, streamed: delimiter detected (comma, semicolon, tab), fields trimmed, a malformed line reported, not fatal.</summary>
public static class CsvFile
{
    public sealed record Line(int Number, string[] Fields, bool Malformed);

    public static async IAsyncEnumerable<Line> ReadAsync(Stream content, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var malformed = false;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = _ => malformed = true,
        };
        using var reader = new StreamReader(content, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var parser = new CsvParser(reader, configuration);
        while (await parser.ReadAsync())
        {
            ct.ThrowIfCancellationRequested();
            var record = parser.Record ?? [];
            yield return new Line(parser.Row, record, malformed);
            malformed = false;
        }
    }

    /// <summary>The header line, read from the start of the file (the first chunk of an upload holds it).</summary>
    public static async Task<string[]?> HeaderAsync(Stream content, CancellationToken ct = default)
    {
        await foreach (var line in ReadAsync(content, ct))
        {
            return line.Fields;
        }
        return null;
    }
}
