using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Platform.Clients.Imports;

/// <summary>
/// Reads a call list line by line, so that one broken line never swallows the lines after it: each physical line is
/// parsed by CsvHelper on its own; a quoted field may run over following lines (an address with a line break) only when
/// its quote closes within <see cref="MaxLinesPerRecord"/> lines and the record has the header's number of fields, else
/// the line is a malformed record and reading goes on at the next line. Blank lines are no records. The delimiter
/// (comma, semicolon, tab) is the one the header line uses most.
/// </summary>
public static class CsvFile
{
    public const int MaxLinesPerRecord = 20;

    /// <param name="Number">The file's line (1-based) the record starts on.</param>
    /// <param name="Raw">The record's text as it stood in the file (its lines joined by \n).</param>
    /// <param name="Problem">Why the line is no record (a stray or unclosed quote), or null.</param>
    public sealed record Line(int Number, string[] Fields, string Raw, string? Problem)
    {
        public bool Malformed => Problem is not null;
    }

    public static async IAsyncEnumerable<Line> ReadAsync(Stream content, Encoding? encoding = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var reader = new StreamReader(content, encoding ?? new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var pending = new List<(int Number, string Text)>();
        var lineNumber = 0;
        var exhausted = false;
        char? delimiter = null;
        int? headerFields = null;
        async Task<bool> FillAsync(int count)
        {
            while (pending.Count < count && !exhausted)
            {
                var text = await reader.ReadLineAsync(ct);
                if (text is null)
                {
                    exhausted = true;
                    break;
                }
                pending.Add((++lineNumber, text));
            }
            return pending.Count >= count;
        }
        while (await FillAsync(1))
        {
            var (number, text) = pending[0];
            if (string.IsNullOrWhiteSpace(text))
            {
                pending.RemoveAt(0);
                continue;
            }
            delimiter ??= DelimiterOf(text);
            var line = Parse(number, text, delimiter.Value);
            var span = 1;
            if (Quotes(text) % 2 == 1)
            {
                // An open quote: a field with line breaks, if it closes soon into a whole record; else this line is broken.
                line = new Line(number, [], text, "Malformed CSV: a quote is not closed on this line.");
                var joined = new StringBuilder(text);
                var quotes = Quotes(text);
                for (var extra = 1; extra < MaxLinesPerRecord && await FillAsync(extra + 1); extra++)
                {
                    joined.Append('\n').Append(pending[extra].Text);
                    quotes += Quotes(pending[extra].Text);
                    if (quotes % 2 == 0)
                    {
                        var record = Parse(number, joined.ToString(), delimiter.Value);
                        if (!record.Malformed && (headerFields is null || record.Fields.Length == headerFields))
                        {
                            (line, span) = (record, extra + 1);
                        }
                        break;
                    }
                }
            }
            pending.RemoveRange(0, span);
            headerFields ??= line.Fields.Length;
            yield return line;
        }
    }

    /// <summary>The header line, read from the start of the file (the first chunk of an upload holds it).</summary>
    public static async Task<string[]?> HeaderAsync(Stream content, Encoding? encoding = null, CancellationToken ct = default)
    {
        await foreach (var line in ReadAsync(content, encoding, ct))
        {
            return line.Malformed ? null : line.Fields;
        }
        return null;
    }

    /// <summary>A stored record's fields, read with the delimiter of its file's header line; none when it is malformed.</summary>
    public static string[] FieldsOf(string raw, string headerLine)
    {
        var line = Parse(0, raw, DelimiterOf(headerLine));
        return line.Malformed ? [] : line.Fields;
    }

    /// <summary>The header line with its raw text, read from the start of the file.</summary>
    public static async Task<Line?> HeaderLineAsync(Stream content, Encoding? encoding = null, CancellationToken ct = default)
    {
        await foreach (var line in ReadAsync(content, encoding, ct))
        {
            return line.Malformed ? null : line;
        }
        return null;
    }

    private static int Quotes(string text) => text.Count(c => c == '"');

    private static char DelimiterOf(string header) =>
        new[] { ',', ';', '\t' }.OrderByDescending(d => header.Count(c => c == d)).ThenBy(d => d == ',' ? 0 : 1).First();

    private static Line Parse(int number, string text, char delimiter)
    {
        string? problem = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = _ => problem = "Malformed CSV: a stray quote inside a field.",
        };
        using var parser = new CsvParser(new StringReader(text), configuration);
        var fields = parser.Read() ? parser.Record ?? [] : [];
        if (problem is null && parser.Read())
        {
            problem = "Malformed CSV: a quoted field runs past the end of its line."; // more than one record: a quote swallowed a line break
        }
        return new Line(number, problem is null ? fields : [], text, problem);
    }
}
