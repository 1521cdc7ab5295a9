using System.Globalization;
using System.Security.Claims;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Clients.Imports;

/// <summary>
/// The rejected rows of an import as a CSV (UTF-8 with BOM, for Excel): the file's header with two columns added,
/// <c>import_line</c> and <c>import_error</c>, then each rejected line's fields as they were (a malformed line, which has
/// no fields, in the first column as its raw text). Fixed, it uploads again; the rows that went in are duplicates then.
/// </summary>
public static class RejectedRows
{
    private sealed record Row(int Line, string Column, string Reason, string? Original);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(Guid importId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var job = await session.QuerySingleOrDefaultAsync<(string FileName, string Header)?>("""
            SELECT file_name, coalesce(header, '') AS header FROM imports WHERE tenant_id = @TenantId AND id = @importId
            """, new { session.TenantId, importId }, ct);
        if (job is not { } found)
        {
            return Problems.NotFound("Import", importId);
        }
        var rows = await session.QueryAsync<Row>("""
            SELECT line, column_name AS "column", reason, original FROM import_errors WHERE tenant_id = @TenantId AND import_id = @importId ORDER BY line
            """, new { session.TenantId, importId }, ct);
        var header = found.Header.Length > 0 ? CsvFile.FieldsOf(found.Header, found.Header) : [];
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture, leaveOpen: true))
        {
            foreach (var field in header.Append("import_line").Append("import_error"))
            {
                csv.WriteField(field);
            }
            await csv.NextRecordAsync();
            foreach (var row in rows)
            {
                var fields = row.Original is null ? [] : CsvFile.FieldsOf(row.Original, found.Header);
                if (fields.Length == 0 && row.Original is not null)
                {
                    fields = [row.Original];
                }
                foreach (var field in Enumerable.Range(0, Math.Max(header.Length, fields.Length)).Select(i => i < fields.Length ? fields[i] : ""))
                {
                    csv.WriteField(field);
                }
                csv.WriteField(row.Line);
                csv.WriteField($"{row.Column}: {row.Reason}");
                await csv.NextRecordAsync();
            }
        }
        var name = Path.GetFileNameWithoutExtension(found.FileName);
        return TypedResults.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())], "text/csv",
            $"{(name.Length > 0 ? name : "call-list")}-rejected.csv");
    }

}
