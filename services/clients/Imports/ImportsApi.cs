using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
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
            .WithTags("Call lists").WithName("StartImport").RequireAuthorization(Policies.Staff)
            .DisableAntiforgery() // bearer tokens, no cookies: nothing to forge
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxFileBytes));
        routes.MapGet("/api/clients/imports/{importId:guid}", GetImport)
            .WithTags("Call lists").WithName("GetImport").RequireAuthorization(Policies.Staff);
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
        public string? Failure { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime? FinishedAt { get; init; }
        public ImportError[] Errors { get; set; } = [];
    }

    /// <param name="file">The call list: CSV with a header line (comma, semicolon or tab).</param>
    /// <param name="mapping">JSON: which column holds name, phone, company, kind, timeZone, vip; customFields: columns kept as they are.</param>
    private static async Task<Results<Accepted<ImportResponse>, ValidationProblem, ProblemHttpResult>> StartImport(
        Guid projectId, IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? mapping, ClaimsPrincipal user, NpgsqlDataSource db,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (file is null || file.Length == 0)
        {
            errors["file"] = ["A CSV file is required."];
        }
        ColumnMapping? columns = ColumnMapping.Default;
        if (!string.IsNullOrWhiteSpace(mapping))
        {
            try
            {
                columns = JsonSerializer.Deserialize<ColumnMapping>(mapping, JsonSerializerOptions.Web);
            }
            catch (JsonException e)
            {
                errors["mapping"] = [$"Not a JSON mapping: {e.Message}"];
            }
        }
        byte[] content = [];
        if (errors.Count == 0)
        {
            using var buffer = new MemoryStream();
            await file!.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
            var header = CsvFile.Header(content);
            if (header is null)
            {
                errors["file"] = ["The file has no header line."];
            }
            else
            {
                foreach (var (field, reasons) in (columns ?? ColumnMapping.Default).Resolve(header).Errors)
                {
                    errors[field] = reasons;
                }
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The call list cannot be imported.");
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (await ProjectSettings.LoadAsync(session, projectId, ct) is null)
        {
            return Problems.NotFound("Project", projectId);
        }
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        await session.ExecuteAsync("""
            INSERT INTO imports (tenant_id, id, project_id, file_name, content, mapping, status, created_by, created_at)
            VALUES (@TenantId, @id, @projectId, @FileName, @content, CAST(@Mapping AS jsonb), 'queued', @CreatedBy, @now)
            """, new
        {
            session.TenantId, id, projectId, FileName = Path.GetFileName(file!.FileName) is { Length: > 0 and <= 200 } name ? name : "call-list.csv",
            content, Mapping = JsonSerializer.Serialize(columns ?? ColumnMapping.Default, JsonSerializerOptions.Web), CreatedBy = user.UserId(), now,
        }, ct);
        var job = (await FindAsync(session, id, ct))!;
        await session.CommitAsync(ct);
        return TypedResults.Accepted($"/api/clients/imports/{id}", job);
    }

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> GetImport(Guid importId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var job = await FindAsync(session, importId, ct);
        return job is null ? Problems.NotFound("Import", importId) : TypedResults.Ok(job);
    }

    private static async Task<ImportResponse?> FindAsync(TenantSession session, Guid importId, CancellationToken ct)
    {
        var job = await session.QuerySingleOrDefaultAsync<ImportResponse>("""
            SELECT id, project_id, file_name, status, total_rows, rows_done, imported, duplicates, failed_rows, failure, created_at, finished_at
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
