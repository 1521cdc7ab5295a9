using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Clients.Scoping;
using Platform.Contracts.Projects;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Clients.Companies;

/// <summary>
/// The call center's client companies and the projects each has bought. The call center's own people only: a client
/// viewer reads reports of their projects and never the list of the call center's clients (403, like the rest of the CRM).
/// </summary>
public static class ClientCompaniesApi
{
    public static void MapClientCompaniesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/clients/companies").WithTags("Client companies").RequireAuthorization(Policies.Staff);
        group.MapPost("/", CreateClientCompany).WithName("CreateClientCompany").WithSummary("Creates a client company (the seller a call center calls for)").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListClientCompanies).WithName("ListClientCompanies").WithSummary("The tenant's client companies");
        group.MapGet("/{companyId:guid}", GetClientCompany).WithName("GetClientCompany").WithSummary("A client company");
        group.MapPut("/{companyId:guid}", RenameClientCompany).WithName("RenameClientCompany").WithSummary("Renames a client company").RequireAuthorization(Policies.Admin);
    }

    public sealed record ClientCompanyRequest(string? Name);
    public sealed record CompanyProject(Guid Id, string Name, string Direction);
    public sealed class ClientCompanyResponse
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
        public CompanyProject[] Projects { get; set; } = [];
    }

    private static async Task<Results<Created<ClientCompanyResponse>, ValidationProblem, ProblemHttpResult>> CreateClientCompany(
        ClientCompanyRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var (name, problem) = ClientCompanyName.Read(request.Name);
        if (name is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [problem!] }, title: "The client company cannot be added.");
        }
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNowAsStored();
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        const string sql = """
            INSERT INTO client_companies (tenant_id, id, name, created_at, created_by, updated_at)
            VALUES (@TenantId, @id, @name, @now, @CreatedBy, @now)
            ON CONFLICT (tenant_id, lower(name)) DO NOTHING
            """;
        if (await session.ExecuteAsync(sql, new { session.TenantId, id, name, now, CreatedBy = user.UserId() }, ct) == 0)
        {
            return NameTaken(name);
        }
        await session.PublishAsync(new ClientCompanyCreated(session.TenantId, id, name, now), ct);
        var created = (await FindAsync(session, id, ct))!;
        await session.CommitAsync(ct);
        return TypedResults.Created($"/api/clients/companies/{id}", created);
    }

    private static async Task<Ok<ClientCompanyResponse[]>> ListClientCompanies(ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var companies = (await session.QueryAsync<ClientCompanyResponse>(
            "SELECT id, name, created_at, updated_at FROM client_companies WHERE tenant_id = @TenantId ORDER BY lower(name), id",
            new { session.TenantId }, ct)).ToArray();
        var projects = (await session.QueryAsync<(Guid CompanyId, Guid Id, string Name, string Direction)>("""
            SELECT client_company_id, id, name, direction FROM projects
            WHERE tenant_id = @TenantId AND client_company_id IS NOT NULL ORDER BY created_at, id
            """, new { session.TenantId }, ct)).ToLookup(p => p.CompanyId, p => new CompanyProject(p.Id, p.Name, p.Direction));
        var scope = ProjectScope.Of(http); // an agent: the companies of the projects they work on, and those projects only
        foreach (var company in companies)
        {
            company.Projects = projects[company.Id].Where(p => scope.Allows(p.Id)).ToArray();
        }
        return TypedResults.Ok(scope is null ? companies : companies.Where(c => c.Projects.Length > 0).ToArray());
    }

    private static async Task<Results<Ok<ClientCompanyResponse>, ProblemHttpResult>> GetClientCompany(
        Guid companyId, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var company = await FindAsync(session, companyId, ct);
        if (company is not null && ProjectScope.Of(http) is { } scope)
        {
            company.Projects = company.Projects.Where(p => scope.Contains(p.Id)).ToArray();
        }
        return company is null ? Problems.NotFound("Client company", companyId) : TypedResults.Ok(company);
    }

    private static async Task<Results<Ok<ClientCompanyResponse>, ValidationProblem, ProblemHttpResult>> RenameClientCompany(
        Guid companyId, ClientCompanyRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var (name, problem) = ClientCompanyName.Read(request.Name);
        if (name is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [problem!] }, title: "The client company cannot be renamed.");
        }
        var now = clock.GetUtcNowAsStored();
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (await FindAsync(session, companyId, ct) is null)
        {
            return Problems.NotFound("Client company", companyId);
        }
        const string sql = """
            UPDATE client_companies SET name = @name, updated_at = @now
            WHERE tenant_id = @TenantId AND id = @companyId
            """;
        try
        {
            await session.ExecuteAsync(sql, new { name, now, session.TenantId, companyId }, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return NameTaken(name);
        }
        await session.PublishAsync(new ClientCompanyRenamed(session.TenantId, companyId, name, now), ct);
        var renamed = (await FindAsync(session, companyId, ct))!;
        await session.CommitAsync(ct);
        return TypedResults.Ok(renamed);
    }

    /// <summary>The company's name, or null when the tenant has no such company (another tenant's id included).</summary>
    public static Task<string?> NameOfAsync(TenantSession session, Guid companyId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<string?>("SELECT name FROM client_companies WHERE tenant_id = @TenantId AND id = @companyId",
            new { session.TenantId, companyId }, ct);

    private static async Task<ClientCompanyResponse?> FindAsync(TenantSession session, Guid companyId, CancellationToken ct)
    {
        var company = await session.QuerySingleOrDefaultAsync<ClientCompanyResponse>(
            "SELECT id, name, created_at, updated_at FROM client_companies WHERE tenant_id = @TenantId AND id = @companyId",
            new { session.TenantId, companyId }, ct);
        if (company is not null)
        {
            company.Projects = (await session.QueryAsync<CompanyProject>("""
                SELECT id, name, direction FROM projects WHERE tenant_id = @TenantId AND client_company_id = @companyId ORDER BY created_at, id
                """, new { session.TenantId, companyId }, ct)).ToArray();
        }
        return company;
    }

    private static ProblemHttpResult NameTaken(string name) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "A client company of that name exists.",
            detail: $"The call center already has a client company called '{name}'.");
}
