using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.TypeConversion;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Platform.Reporting.Csv;

/// <summary>
/// Every report also as CSV (<c>?format=csv</c>), made to open in Excel in a European locale: UTF-8 with a byte order mark,
/// fields separated by <c>;</c>, decimal comma, no thousands separator, times as ISO 8601 in the report's time zone with
/// their offset (a local day's rows labelled with that day), days as yyyy-MM-dd, and a text cell that begins with <c>=</c>,
/// <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return prefixed with <c>'</c> so a caller's name never becomes a live
/// formula (numbers are left alone: a negative number stays a number). A total row, where the report has one, comes last, labelled <c>Total</c>.
/// </summary>
public static class CsvReport
{
    private static readonly CultureInfo European = European_();

    private static CultureInfo European_()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = "";
        return culture;
    }

    public static bool Wanted(string? format) => string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The field at fault when <c>format</c> is neither json nor csv.</summary>
    public static Dictionary<string, string[]> Check(string? format) =>
        format is null || Wanted(format) || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            ? []
            : new() { ["format"] = ["json (the default) or csv."] };

    /// <param name="zone">The zone times are written in (the project's, or the call center's); UTC when null.</param>
    /// <param name="total">The report's total, written last with <c>Total</c> in its first cell.</param>
    public static FileContentHttpResult File<T>(IEnumerable<T> rows, string name, DateTimeZone? zone = null, T? total = default) =>
        File(rows, name, zone, total is null ? [] : [total]);

    /// <param name="totals">The report's total rows (one per disposition, say), written last, each with <c>Total</c> in its first cell.</param>
    public static FileContentHttpResult File<T>(IEnumerable<T> rows, string name, DateTimeZone? zone, IReadOnlyList<T> totals)
    {
        using var text = new StringWriter(European);
        using (var csv = new CsvWriter(text, Configuration()))
        {
            var times = new ZonedTimeConverter(zone ?? DateTimeZone.Utc);
            csv.Context.TypeConverterCache.AddConverter<DateTimeOffset>(times);
            csv.Context.TypeConverterCache.AddConverter<DateOnly>(new DayConverter());
            csv.Context.TypeConverterCache.AddConverter<string>(new TextConverter());
            csv.WriteRecords(rows);
            foreach (var total in totals)
            {
                using var line = new StringWriter(European);
                using (var one = new CsvWriter(line, Configuration() with { HasHeaderRecord = false }))
                {
                    one.Context.TypeConverterCache.AddConverter<DateTimeOffset>(times);
                    one.Context.TypeConverterCache.AddConverter<DateOnly>(new DayConverter());
                    one.Context.TypeConverterCache.AddConverter<string>(new TextConverter());
                    one.WriteRecords([total]);
                }
                var written = line.ToString();
                var cut = written.IndexOf(';');
                text.Write("Total" + (cut < 0 ? Environment.NewLine : written[cut..]));
            }
        }
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return TypedResults.File([.. utf8.GetPreamble(), .. utf8.GetBytes(text.ToString())], "text/csv; charset=utf-8", $"{name}.csv");
    }

    private static CsvConfiguration Configuration() => new(European)
    {
        Delimiter = ";",
        InjectionOptions = InjectionOptions.None, // text is escaped by TextConverter; CsvHelper's own option would turn -1 into text
        NewLine = "\r\n",
    };

    /// <summary>An instant as ISO 8601 local time with its offset in the report's zone, e.g. 2026-03-02T00:15:00+01:00.</summary>
    private sealed class ZonedTimeConverter(DateTimeZone zone) : DefaultTypeConverter
    {
        public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) => value is DateTimeOffset at
            ? Instant.FromDateTimeOffset(at).InZone(zone).ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
            : base.ConvertToString(value, row, memberMapData);
    }

    private sealed class DayConverter : DefaultTypeConverter
    {
        public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) =>
            value is DateOnly day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : base.ConvertToString(value, row, memberMapData);
    }

    /// <summary>Text that a spreadsheet would read as a formula, prefixed with <c>'</c>.</summary>
    private sealed class TextConverter : DefaultTypeConverter
    {
        private static readonly char[] Formula = ['=', '+', '-', '@', '\t', '\r'];

        public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) =>
            value is string { Length: > 0 } text && Formula.Contains(text[0]) ? "'" + text : value as string ?? ""; // a null cell is written empty (a null here dropped the field)
    }
}
