using System.Globalization;
using System.Security.Claims;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Clients.Projects;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Clients.Contacts;

/// <summary>
/// A contact search as CSV: the same filters as <c>GET projects/{id}/contacts</c>, every match (no pages), streamed row by
/// row from PostgreSQL to the response. Made to open in Excel in a European locale as the reporting exports are: UTF-8 with
/// a byte order mark, <c>;</c> between fields, times in ISO 8601 UTC, and a cell beginning with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return prefixed with <c>'</c>, so a name never becomes a live formula.
/// </summary>
public static class ContactsExportApi
{
    public static void MapContactsExportApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/clients/projects/{projectId:guid}/contacts/export", ExportContacts)
            .WithTags("Contacts").WithName("ExportContactSearch").RequireAuthorization(Policies.Staff)
            .WithSummary("The contacts a search finds (phone, name, status, disposition, next contact dates, custom fields), as CSV for Excel");

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string? Company { get; init; }
        public string Phone { get; init; } = "";
        public string Status { get; init; } = "";
        public bool Vip { get; init; }
        public string? LastDisposition { get; init; }
        public DateTime? NextContactAt { get; init; }
        public string TimeZone { get; init; } = "";
        public string? ClosedReason { get; init; }
        public DateTime CreatedAt { get; init; }
        public string CustomFields { get; init; } = "{}";
    }

    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> ExportContacts(
        Guid projectId, [AsParameters] ContactFilter.Query query, ClaimsPrincipal user, NpgsqlDataSource db, HttpResponse response, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var project = await ProjectSettings.LoadAsync(session, projectId, ct);
        if (project is null)
        {
            return Problems.NotFound("Project", projectId);
        }
        var filter = ContactFilter.Read(query, project.Country, project.Zone, errors, (key, text) => Platform.Clients.CustomFields.CustomFieldRules.SearchValue(project.Fields, key, text));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The export cannot be run.");
        }
        const string sql = $"""
            SELECT id, name, company, phone, status, vip, last_disposition, next_contact_at, time_zone, closed_reason, created_at, custom_fields::text AS custom_fields
            FROM contacts WHERE {ContactFilter.Where}
            ORDER BY name, id
            """;
        var connection = await session.ConnectionAsync(ct);
        var rows = connection.QueryUnbufferedAsync<Row>(sql, filter.Parameters(session.TenantId, projectId), session.Transaction);

        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"contacts-{projectId}.csv\"";
        // Rows go out a few hundred at a time: CsvHelper writes into a buffer, the buffer goes to the client asynchronously.
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        await response.Body.WriteAsync(utf8.GetPreamble(), ct);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        await using var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ";", InjectionOptions = InjectionOptions.Escape, NewLine = "\r\n",
        });
        string[] utc = ["yyyy-MM-dd'T'HH:mm:ss'Z'"];
        csv.Context.TypeConverterOptionsCache.GetOptions<DateTime>().Formats = utc;
        csv.Context.TypeConverterOptionsCache.GetOptions<DateTime?>().Formats = utc;
        csv.WriteHeader<Row>();
        await csv.NextRecordAsync();
        var pending = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            csv.WriteRecord(row);
            await csv.NextRecordAsync();
            if (++pending == 200)
            {
                await SendAsync();
                pending = 0;
            }
        }
        await SendAsync();

        async Task SendAsync()
        {
            await csv.FlushAsync();
            var chunk = text.GetStringBuilder();
            await response.Body.WriteAsync(utf8.GetBytes(chunk.ToString()), ct);
            chunk.Clear();
        }
        await session.CommitAsync(ct);
        return TypedResults.Empty;
    }
}
