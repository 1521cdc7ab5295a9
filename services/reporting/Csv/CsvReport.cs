using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Reporting.Csv;

/// <summary>Every report also as CSV (<c>?format=csv</c>): one header row, invariant culture, UTF-8.</summary>
public static class CsvReport
{
    public static bool Wanted(string? format) => string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The field at fault when <c>format</c> is neither json nor csv.</summary>
    public static Dictionary<string, string[]> Check(string? format) =>
        format is null || Wanted(format) || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            ? []
            : new() { ["format"] = ["json (the default) or csv."] };

    public static FileContentHttpResult File<T>(IEnumerable<T> rows, string name)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            csv.WriteRecords(rows);
        }
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"{name}.csv");
    }
}
