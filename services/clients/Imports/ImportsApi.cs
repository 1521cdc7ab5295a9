using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Npgsql;
using Platform.Clients.Projects;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Clients.Imports;

public static class ImportsApi
{
    public const long MaxFileBytes = 50 * 1024 * 1024;

    public static void MapImportsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/clients/projects/{projectId:guid}/imports", StartImport)
            .WithTags("Call lists").WithName("StartImport").WithSummary("Uploads a call list (CSV) into a project; the import runs in the background and reports its progress and rejected rows").WithRequestExample(new { File = "call-list.csv", Mapping = """{"name":"Full name","phone":"Mobile","customFields":["Contract"]}""", Encoding = "windows-1250",
                Consent = """{"purposes":["data_processing","calls"],"source":"Acme web form, opt-in 2026","expiresAt":"2027-12-31T00:00:00Z"}""" }).RequireAuthorization(Policies.Staff)
            .DisableAntiforgery() // bearer tokens, no cookies: nothing to forge
            .Accepts<CallListForm>("multipart/form-data")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxFileBytes + 64 * 1024)); // the file, the mapping, the form's own lines
        routes.MapGet("/api/clients/projects/{projectId:guid}/imports", ListImports)
            .WithTags("Call lists").WithName("ListImports").WithSummary("A project's call lists, newest first: each import's file, state and counts (a campaign can dial one list)").RequireAuthorization(Policies.Staff);
        routes.MapGet("/api/clients/imports/{importId:guid}", GetImport)
            .WithTags("Call lists").WithName("GetImport").WithSummary("An import's progress: rows read, imported, rejected, and its state").RequireAuthorization(Policies.Staff);
        routes.MapGet("/api/clients/imports/{importId:guid}/rejected", RejectedRows.Download)
            .WithTags("Call lists").WithName("DownloadRejectedRows").RequireAuthorization(Policies.Staff)
            .WithSummary("The rejected rows of an import as CSV: the file's header and each rejected line as it was, with its line and error, to fix and upload again")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }

    public sealed record ImportError(int Line, string Column, string Reason);
    public sealed class ImportResponse
    {
        public Guid Id { get; init; }
        public Guid ProjectId { get; init; }
        public string FileName { get; init; } = "";
        public string Status { get; init; } = "";
        public int? TotalRows { get; init; }
        public int RowsDone { get; init; }
        public int Imported { get; init; }
        public int Duplicates { get; init; }
        public int FailedRows { get; init; }

        /// <summary>Rows whose number is on the call center's do-not-call list: imported as do-not-call, never to be called.</summary>
        public int DoNotCall { get; init; }

        /// <summary>Rows whose number is on a suppression list binding the project: imported, and not callable while the list holds the number.</summary>
        public int Suppressed { get; init; }
        public string? Failure { get; init; }

        /// <summary>The encoding the file is read in: the uploader's choice, or detected when the job starts (null until then).</summary>
        public string? Encoding { get; init; }

        /// <summary>The consent the list came with, recorded for every contact the import creates; null when it came without.</summary>
        public ImportConsent? Consent => ConsentJson is null ? null : JsonSerializer.Deserialize<ImportConsent>(ConsentJson, JsonSerializerOptions.Web);

        /// <summary>The stored consent (<c>imports.consent</c>) as read, for <see cref="Consent"/>.</summary>
        [JsonIgnore]
        public string? ConsentJson { get; init; }

        /// <summary>What the reader was unsure of (a guessed encoding); the rows are imported all the same.</summary>
        public string[] Warnings { get; init; } = [];
        public DateTime CreatedAt { get; init; }
        public DateTime? FinishedAt { get; init; }
        public ImportError[] Errors { get; set; } = [];
    }

    /// <summary>What the upload's form holds (for the OpenAPI document: the handler reads the form as a stream).</summary>
    /// <param name="File">The call list: CSV with a header line (comma, semicolon or tab).</param>
    /// <param name="Mapping">JSON: which column holds name, phone, company, kind, timeZone, vip, country; customFields: columns kept as they are.</param>
    /// <param name="Encoding">utf-8, utf-16, utf-16be, windows-1250, windows-1251, windows-1252 or iso-8859-2; detected when left out.</param>
    /// <param name="Consent">JSON: the consent the list came with ({purposes, source, expiresAt}), recorded for each contact it creates.</param>
    public sealed record CallListForm(IFormFile File, string? Mapping, string? Encoding, string? Consent);

    /// <summary>
    /// Streams the form's file into the job's chunks as it arrives (never the whole file in memory) inside one transaction
    /// with the job: a refused upload (no header, a mapping that does not fit it, too large, not a form) leaves nothing behind.
    /// </summary>
    private static async Task<Results<Accepted<ImportResponse>, ValidationProblem, ProblemHttpResult>> StartImport(
        Guid projectId, HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource db, ImportOptions options, TimeProvider clock, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "A call list is sent as a form.",
                detail: "Send multipart/form-data with the CSV in a part named 'file' and, optionally, the column mapping in a part named 'mapping'.");
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (await ProjectSettings.LoadAsync(session, projectId, ct) is null)
        {
            return Problems.NotFound("Project", projectId);
        }
        var id = Guid.CreateVersion7();
        await session.ExecuteAsync("""
            INSERT INTO imports (tenant_id, id, project_id, file_name, mapping, status, created_by, created_at)
            VALUES (@TenantId, @id, @projectId, '', '{}', 'queued', @CreatedBy, @now)
            """, new { session.TenantId, id, projectId, CreatedBy = user.UserId(), now = clock.GetUtcNow() }, ct);

        var errors = new Dictionary<string, string[]>();
        string? fileName = null, mappingText = null, encodingName = null, consentText = null;
        var (bytes, firstChunk) = (0L, Array.Empty<byte>());
        try
        {
            var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                var disposition = section.GetContentDispositionHeader();
                switch (disposition?.Name.Value)
                {
                    case "file" when fileName is null:
                        fileName = Path.GetFileName(disposition.FileName.Value ?? disposition.FileNameStar.Value) is { Length: > 0 and <= 200 } name
                            && !name.Any(char.IsControl) ? name : "call-list.csv";
                        (bytes, firstChunk) = await ImportFile.WriteAsync(session, id, section.Body, options.ChunkBytes, options.MaxFileBytes, ct);
                        break;
                    case "file":
                        errors["file"] = ["One call list per import."];
                        break;
                    case "encoding":
                        encodingName = (await ReadTextAsync(section.Body, 32, ct))?.Trim().ToLowerInvariant();
                        if (TextEncodings.ByName(encodingName) is null)
                        {
                            errors["encoding"] = [$"One of {string.Join(", ", TextEncodings.Names)}, or none to have it detected."];
                        }
                        break;
                    case "mapping":
                        mappingText = await ReadTextAsync(section.Body, MaxMappingChars, ct);
                        if (mappingText is null)
                        {
                            errors["mapping"] = [$"At most {MaxMappingChars} characters."];
                        }
                        break;
                    case "consent":
                        consentText = await ReadTextAsync(section.Body, MaxMappingChars, ct);
                        if (consentText is null)
                        {
                            errors["consent"] = [$"At most {MaxMappingChars} characters."];
                        }
                        break;
                }
            }
        }
        catch (ImportFile.FileTooLargeException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The call list is too large.", detail: e.Message);
        }
        catch (Exception e) when (e is IOException or InvalidDataException && !ct.IsCancellationRequested)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [$"Not a readable form: {e.Message}"] },
                title: "The call list cannot be imported.");
        }

        if (bytes == 0)
        {
            errors["file"] = ["A CSV file is required."];
        }
        var columns = ColumnMapping.Default;
        if (!string.IsNullOrWhiteSpace(mappingText))
        {
            try
            {
                columns = JsonSerializer.Deserialize<ColumnMapping>(mappingText, JsonSerializerOptions.Web) ?? ColumnMapping.Default;
            }
            catch (JsonException e)
            {
                errors["mapping"] = [$"Not a JSON mapping: {e.Message}"];
            }
        }
        ImportConsent? consent = null;
        if (!string.IsNullOrWhiteSpace(consentText))
        {
            try
            {
                consent = JsonSerializer.Deserialize<ImportConsent>(consentText, JsonSerializerOptions.Web);
                foreach (var (field, reasons) in consent?.Problems(clock.GetUtcNow()) ?? new() { ["consent"] = ["A consent object: {purposes, source, expiresAt}."] })
                {
                    errors[field] = reasons;
                }
            }
            catch (JsonException e)
            {
                errors["consent"] = [$"Not a JSON consent ({{purposes, source, expiresAt}}): {e.Message}"];
            }
        }
        if (errors.Count == 0)
        {
            var encoding = TextEncodings.ByName(encodingName);
            if (encoding is null)
            {
                var sniffer = new TextEncodings.Sniffer();
                sniffer.Add(firstChunk);
                encoding = sniffer.Result().Encoding;
            }
            var header = await CsvFile.HeaderAsync(new MemoryStream(firstChunk), encoding, ct);
            if (header is null)
            {
                errors["file"] = ["The file has no header line."];
            }
            else
            {
                foreach (var (field, reasons) in columns.Resolve(header).Errors)
                {
                    errors[field] = reasons;
                }
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The call list cannot be imported."); // rolled back: no job, no chunks
        }
        await session.ExecuteAsync("""
            UPDATE imports SET file_name = @fileName, mapping = CAST(@Mapping AS jsonb), encoding = @encodingName, encoding_chosen = @Chosen,
                               consent = CAST(@Consent AS jsonb)
            WHERE tenant_id = @TenantId AND id = @id
            """, new { fileName, Mapping = JsonSerializer.Serialize(columns, JsonSerializerOptions.Web), encodingName, Chosen = encodingName is not null,
                Consent = consent is null ? null : JsonSerializer.Serialize(consent.Normalized(), JsonSerializerOptions.Web), session.TenantId, id }, ct);
        var job = (await FindAsync(session, id, ct))!;
        await session.CommitAsync(ct);
        return TypedResults.Accepted($"/api/clients/imports/{id}", job);
    }

    private const int MaxMappingChars = 16 * 1024;

    private static async Task<string?> ReadTextAsync(Stream body, int maxChars, CancellationToken ct)
    {
        using var reader = new StreamReader(body, leaveOpen: true);
        var buffer = new char[maxChars + 1];
        var read = await reader.ReadBlockAsync(buffer, ct);
        return read > maxChars ? null : new string(buffer, 0, read);
    }

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> GetImport(Guid importId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var job = await FindAsync(session, importId, ct);
        return job is null ? Problems.NotFound("Import", importId) : TypedResults.Ok(job);
    }

    private const string JobColumns = """
        SELECT id, project_id, file_name, status, total_rows, rows_done, imported, duplicates, failed_rows, do_not_call, suppressed, failure, encoding,
               warnings, created_at, finished_at, consent::text AS consent_json
        """;

    private static async Task<Results<Ok<ImportResponse[]>, ProblemHttpResult>> ListImports(Guid projectId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (await ProjectSettings.LoadAsync(session, projectId, ct) is null)
        {
            return Problems.NotFound("Project", projectId);
        }
        var imports = (await session.QueryAsync<ImportResponse>($"""
            {JobColumns}
            FROM imports WHERE tenant_id = @TenantId AND project_id = @projectId AND file_name <> '' ORDER BY created_at DESC, id LIMIT 200
            """, new { session.TenantId, projectId }, ct)).ToArray();
        return TypedResults.Ok(imports); // the rows of each are at GET imports/{id}
    }

    internal static async Task<ImportResponse?> FindAsync(TenantSession session, Guid importId, CancellationToken ct)
    {
        var job = await session.QuerySingleOrDefaultAsync<ImportResponse>($"""
            {JobColumns}
            FROM imports WHERE tenant_id = @TenantId AND id = @importId
            """, new { session.TenantId, importId }, ct);
        if (job is not null)
        {
            job.Errors = (await session.QueryAsync<ImportError>("""
                SELECT line, column_name AS "column", reason FROM import_errors
                WHERE tenant_id = @TenantId AND import_id = @importId ORDER BY line LIMIT 1000
                """, new { session.TenantId, importId }, ct)).ToArray();
        }
        return job;
    }
}
