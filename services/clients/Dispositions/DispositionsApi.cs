using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Clients.Lifecycle;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Clients.Dispositions;

public static class DispositionsApi
{
    public static void MapDispositionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/clients/projects/{projectId:guid}/dispositions").WithTags("Projects").RequireAuthorization(Policies.Staff);
        group.MapGet("/", ListDispositions).WithName("ListDispositions").WithSummary("The project's dispositions (the outcomes an agent chooses after a call)");
        group.MapPut("/", ReplaceDispositions).WithName("ReplaceDispositions").WithSummary("Replaces the project's dispositions").RequireAuthorization(Policies.Admin);
    }

    /// <param name="Move">none, become_hot, sign_contract, firm_no, end_contract, do_not_call.</param>
    public sealed record DispositionDocument(string? Code, string? Label, string? Category, string? Move, bool RequiresNextContact);

    private static DispositionDocument Write(Disposition d) => new(d.Code, d.Label, SnakeCase.Of(d.Category), SnakeCase.Of(d.Move), d.RequiresNextContact);

    private static async Task<Results<Ok<DispositionDocument[]>, ProblemHttpResult>> ListDispositions(
        Guid projectId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (!await ProjectExistsAsync(session, projectId, ct))
        {
            return Problems.NotFound("Project", projectId);
        }
        return TypedResults.Ok((await LoadAsync(session, projectId, ct)).Select(Write).ToArray());
    }

    private static async Task<Results<Ok<DispositionDocument[]>, ValidationProblem, ProblemHttpResult>> ReplaceDispositions(
        Guid projectId, DispositionDocument[] catalogue, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        var (dispositions, errors) = DispositionRules.Read(catalogue);
        if (dispositions is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The dispositions catalogue cannot be used.");
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (!await ProjectExistsAsync(session, projectId, ct))
        {
            return Problems.NotFound("Project", projectId);
        }
        await ReplaceAsync(session, projectId, dispositions, ct);
        await session.CommitAsync(ct);
        return TypedResults.Ok(dispositions.Select(Write).ToArray());
    }

    public static async Task ReplaceAsync(TenantSession session, Guid projectId, IReadOnlyList<Disposition> dispositions, CancellationToken ct)
    {
        const string sql = """
            DELETE FROM dispositions WHERE tenant_id = @TenantId AND project_id = @projectId;
            INSERT INTO dispositions (tenant_id, project_id, code, label, category, lifecycle_move, requires_next_contact, position)
            SELECT @TenantId, @projectId, d.code, d.label, d.category, d.move, d.next, d.position
            FROM unnest(@Codes, @Labels, @Categories, @Moves, @Next) WITH ORDINALITY AS d(code, label, category, move, next, position)
            """;
        await session.ExecuteAsync(sql, new
        {
            session.TenantId, projectId,
            Codes = dispositions.Select(d => d.Code).ToArray(),
            Labels = dispositions.Select(d => d.Label).ToArray(),
            Categories = dispositions.Select(d => SnakeCase.Of(d.Category)).ToArray(),
            Moves = dispositions.Select(d => SnakeCase.Of(d.Move)).ToArray(),
            Next = dispositions.Select(d => d.RequiresNextContact).ToArray(),
        }, ct);
    }

    public static async Task<IReadOnlyList<Disposition>> LoadAsync(TenantSession session, Guid projectId, CancellationToken ct)
    {
        const string sql = """
            SELECT code, label, category, lifecycle_move AS move, requires_next_contact FROM dispositions
            WHERE tenant_id = @TenantId AND project_id = @projectId ORDER BY position
            """;
        var rows = await session.QueryAsync<DispositionDocument>(sql, new { session.TenantId, projectId }, ct);
        return DispositionRules.Read(rows.ToArray()).Dispositions ?? [];
    }

    private static async Task<bool> ProjectExistsAsync(TenantSession session, Guid projectId, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<bool>("SELECT EXISTS (SELECT 1 FROM projects WHERE tenant_id = @TenantId AND id = @projectId)",
            new { session.TenantId, projectId }, ct);
}
