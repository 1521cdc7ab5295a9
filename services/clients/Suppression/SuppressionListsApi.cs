using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Clients.Privacy;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Clients.Suppression;

/// <summary>
/// Suppression lists: an admin uploads the numbers of a national do-not-call registry (a Robinson list) or of a client
/// company's own list, with a scope and a source; a contact whose number is on a list that binds its project may not
/// be called, with the list named as the reason. Uploading a list of the same name and scope again replaces its
/// numbers whole, as a new version.
/// </summary>
public static class SuppressionListsApi
{
    public const long MaxFileBytes = 50 * 1024 * 1024;
    public const int MaxMatches = 500;

    public static void MapSuppressionListsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/clients/suppression-lists").WithTags("Suppression lists").RequireAuthorization(Policies.Supervision);
        group.MapPost("/", UploadSuppressionList).WithName("UploadSuppressionList").RequireAuthorization(Policies.Admin)
            .WithSummary("Upload a suppression list (CSV of numbers) with its scope and source; a list of the same name and scope is replaced whole, as a new version")
            .DisableAntiforgery() // bearer tokens, no cookies: nothing to forge
            .Accepts<SuppressionListForm>("multipart/form-data")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxFileBytes + 64 * 1024));
        group.MapGet("/", ListSuppressionLists).WithName("ListSuppressionLists").WithSummary("The tenant's suppression lists, their scope, source and current version");
        group.MapGet("/{listId:guid}", GetSuppressionList).WithName("GetSuppressionList").WithSummary("One suppression list with every version uploaded");
        group.MapGet("/{listId:guid}/matches", ListSuppressionMatches).WithName("ListSuppressionMatches")
            .WithSummary("The contacts the list blocks now (their number is on it and the list binds their project)");
    }

    /// <param name="File">CSV, the number in the first column; a first line that is no number is a header.</param>
    /// <param name="Scope">client_company (with clientCompanyId) or call_center.</param>
    /// <param name="Country">ISO country of numbers written without a country code; none: every number needs its code.</param>
    public sealed record SuppressionListForm(IFormFile File, string Name, string Source, string? Scope, Guid? ClientCompanyId, string? Country);

    public sealed record VersionEntry(int Version, string FileName, int Numbers, int Rejected, Guid UploadedBy, DateTime UploadedAt);

    public sealed class ListResponse
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Source { get; init; } = "";
        public string Scope { get; init; } = "";
        public Guid? ClientCompanyId { get; init; }
        public int Version { get; init; }
        public int Numbers { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
        public VersionEntry[] Versions { get; set; } = [];
    }

    public sealed record UploadResponse(ListResponse List, int Rejected, SuppressionFile.Rejected[] Rejections, int ContactsBlocked);

    public sealed record Match(Guid ContactId, Guid ProjectId, string Name, string Phone, string Status);

    private const string ListColumns = """
        id, name, source, CASE WHEN client_company_id IS NULL THEN 'call_center' ELSE 'client_company' END AS scope, client_company_id,
        version, numbers, created_at, updated_at
        """;

    private static async Task<Results<Created<UploadResponse>, Ok<UploadResponse>, ValidationProblem, ProblemHttpResult>> UploadSuppressionList(
        HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "A suppression list is sent as a form.",
                detail: "Send multipart/form-data with the CSV in a part named 'file', and name, source, scope, clientCompanyId, country.");
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is IOException or InvalidDataException && !ct.IsCancellationRequested)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [$"Not a readable form: {e.Message}"] },
                title: "The suppression list cannot be uploaded.");
        }
        var errors = new Dictionary<string, string[]>();
        var name = ShortText.Read(form["name"].ToString()) ?? "";
        if (name.Length == 0)
        {
            errors["name"] = ["1 to 200 printable characters, e.g. 'Robinson CZ'."];
        }
        var source = ShortText.Read(form["source"].ToString()) ?? "";
        if (source.Length == 0)
        {
            errors["source"] = ["Where the list comes from (the registry, the client's letter): 1 to 200 printable characters."];
        }
        var scopeText = form["scope"].ToString();
        var scope = DoNotCallScope.ClientCompany;
        if (scopeText.Length > 0 && !SnakeCase.TryParse(scopeText, out scope))
        {
            errors["scope"] = [$"One of {DoNotCallScopes.Choices}."];
        }
        Guid? companyId = Guid.TryParse(form["clientCompanyId"], out var parsedCompany) ? parsedCompany : null;
        if (scope == DoNotCallScope.ClientCompany && companyId is null)
        {
            errors["clientCompanyId"] = ["A list of a client company names the company (clientCompanyId); a list for every project has scope call_center."];
        }
        else if (scope == DoNotCallScope.CallCenter && form["clientCompanyId"].ToString().Length > 0)
        {
            errors["clientCompanyId"] = ["A list of the whole call center names no company."];
        }
        var country = form["country"].ToString().Trim().ToUpperInvariant();
        if (country.Length > 0 && !PhoneNumbers.PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(country))
        {
            errors["country"] = ["An ISO 3166 country code such as CZ."];
        }
        var files = form.Files.GetFiles("file");
        if (files.Count != 1 || files[0].Length == 0)
        {
            errors["file"] = ["One CSV file of numbers is required."];
        }
        else if (files[0].Length > MaxFileBytes)
        {
            errors["file"] = [$"At most {MaxFileBytes / 1024 / 1024} MB."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The suppression list cannot be uploaded.");
        }
        var file = files[0];
        SuppressionFile.Read read;
        await using (var content = file.OpenReadStream())
        {
            read = await SuppressionFile.ReadAsync(content, country.Length > 0 ? country : "ZZ", ct);
        }
        if (read.Numbers.Count == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [$"No number in the file ({read.RejectedCount} lines rejected)."] },
                title: "The suppression list cannot be uploaded.");
        }

        var now = clock.GetUtcNowAsStored();
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (companyId is { } company && await session.QuerySingleOrDefaultAsync<Guid?>(
                "SELECT id FROM client_companies WHERE tenant_id = @TenantId AND id = @company", new { session.TenantId, company }, ct) is null)
        {
            return Problems.NotFound("Client company", company);
        }
        // One upload of a list at a time: the second waits for the first's commit and makes the next version.
        await session.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@Key, 0))",
            new { Key = $"suppression:{session.TenantId}:{name.ToLowerInvariant()}:{companyId}" }, ct);
        var existing = await session.QuerySingleOrDefaultAsync<(Guid Id, int Version)?>("""
            SELECT id, version FROM suppression_lists
            WHERE tenant_id = @TenantId AND lower(name) = lower(@name) AND client_company_id IS NOT DISTINCT FROM @companyId
            FOR UPDATE
            """, new { session.TenantId, name, companyId }, ct);
        var (listId, version) = existing is { } found ? (found.Id, found.Version + 1) : (Guid.CreateVersion7(), 1);
        if (existing is null)
        {
            await session.ExecuteAsync("""
                INSERT INTO suppression_lists (tenant_id, id, name, source, client_company_id, version, numbers, created_at, updated_at)
                VALUES (@TenantId, @listId, @name, @source, @companyId, 1, @Numbers, @now, @now)
                """, new { session.TenantId, listId, name, source, companyId, Numbers = read.Numbers.Count, now }, ct);
        }
        else
        {
            await session.ExecuteAsync("""
                UPDATE suppression_lists SET source = @source, version = @version, numbers = @Numbers, updated_at = @now WHERE tenant_id = @TenantId AND id = @listId;
                DELETE FROM suppression_numbers WHERE tenant_id = @TenantId AND list_id = @listId;
                """, new { session.TenantId, listId, source, version, Numbers = read.Numbers.Count, now }, ct);
        }
        foreach (var chunk in read.Numbers.Chunk(50_000))
        {
            await session.ExecuteAsync("""
                INSERT INTO suppression_numbers (tenant_id, list_id, phone) SELECT @TenantId, @listId, unnest(@chunk)
                """, new { session.TenantId, listId, chunk }, ct);
        }
        await session.ExecuteAsync("""
            INSERT INTO suppression_list_versions (tenant_id, list_id, version, file_name, numbers, rejected, uploaded_by, uploaded_at)
            VALUES (@TenantId, @listId, @version, @FileName, @Numbers, @Rejected, @By, @now)
            """, new
        {
            session.TenantId, listId, version, FileName = Path.GetFileName(file.FileName) is { Length: > 0 and <= 200 } f && !f.Any(char.IsControl) ? f : "suppression-list.csv",
            Numbers = read.Numbers.Count, Rejected = read.RejectedCount, By = user.UserId(), now,
        }, ct);
        var blocked = await MatchCountAsync(session, listId, ct);
        var list = (await FindAsync(session, listId, ct))!;
        await session.CommitAsync(ct);
        var response = new UploadResponse(list, read.RejectedCount, [.. read.Rejections], blocked);
        return existing is null ? TypedResults.Created($"/api/clients/suppression-lists/{listId}", response) : TypedResults.Ok(response);
    }

    private static async Task<Ok<ListResponse[]>> ListSuppressionLists(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var lists = await session.QueryAsync<ListResponse>($"SELECT {ListColumns} FROM suppression_lists WHERE tenant_id = @TenantId ORDER BY name, id",
            new { session.TenantId }, ct);
        return TypedResults.Ok(lists.ToArray());
    }

    private static async Task<Results<Ok<ListResponse>, ProblemHttpResult>> GetSuppressionList(Guid listId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        return await FindAsync(session, listId, ct) is { } list ? TypedResults.Ok(list) : Problems.NotFound("Suppression list", listId);
    }

    private static async Task<Results<Ok<Match[]>, ProblemHttpResult>> ListSuppressionMatches(Guid listId, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http,
        CancellationToken ct)
    {
        var scope = Scoping.ProjectScope.Of(http); // a supervisor of groups: their projects' contacts only
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (await FindAsync(session, listId, ct) is null)
        {
            return Problems.NotFound("Suppression list", listId);
        }
        var matches = await session.QueryAsync<Match>($"""
            SELECT c.id AS contact_id, c.project_id, c.name, c.phone, c.status {MatchesFrom}
              AND (NOT @Scoped OR c.project_id = ANY(@Allowed))
            ORDER BY c.name, c.id LIMIT {MaxMatches}
            """, new { session.TenantId, listId, Scoped = scope is not null, Allowed = scope?.ToArray() ?? [] }, ct);
        return TypedResults.Ok(matches.ToArray());
    }

    private const string MatchesFrom = """
        FROM suppression_lists l
        JOIN suppression_numbers n ON n.tenant_id = l.tenant_id AND n.list_id = l.id
        JOIN contacts c ON c.tenant_id = n.tenant_id AND c.phone = n.phone AND c.erased_at IS NULL
        JOIN projects p ON p.tenant_id = c.tenant_id AND p.id = c.project_id
        WHERE l.tenant_id = @TenantId AND l.id = @listId AND (l.client_company_id IS NULL OR l.client_company_id = p.client_company_id)
        """;

    private static Task<int> MatchCountAsync(TenantSession session, Guid listId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<int>($"SELECT count(*)::int {MatchesFrom}", new { session.TenantId, listId }, ct);

    private static async Task<ListResponse?> FindAsync(TenantSession session, Guid listId, CancellationToken ct)
    {
        var list = await session.QuerySingleOrDefaultAsync<ListResponse>($"SELECT {ListColumns} FROM suppression_lists WHERE tenant_id = @TenantId AND id = @listId",
            new { session.TenantId, listId }, ct);
        if (list is not null)
        {
            list.Versions = (await session.QueryAsync<VersionEntry>("""
                SELECT version, file_name, numbers, rejected, uploaded_by, uploaded_at FROM suppression_list_versions
                WHERE tenant_id = @TenantId AND list_id = @listId ORDER BY version
                """, new { session.TenantId, listId }, ct)).ToArray();
        }
        return list;
    }
}
