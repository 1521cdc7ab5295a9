using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Telephony;

/// <summary>
/// The PBX reads its tenant's commands not yet acknowledged, oldest first, and acknowledges the ones it has carried out.
/// A read that finds nothing waits up to <c>waitSeconds</c> for a command (long poll), so an adapter behind NAT needs no
/// inbound connection and sees a command within a fraction of a second. Unacknowledged commands are read again: the PBX
/// drops a <c>commandId</c> it has already carried out.
/// </summary>
public static class CommandStream
{
    public const int MaxBatch = 500;
    public const int MaxWaitSeconds = 30;

    public sealed record Command(long Sequence, Guid CommandId, string Kind, Guid? CallId, JsonElement Body, DateTime CreatedAt);

    public sealed record CommandBatch(Command[] Commands);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record AckRequest(Guid[]? CommandIds);

    public sealed record AckResponse(int Acknowledged);

    private sealed record Row(long Id, Guid CommandId, string Kind, Guid? CallId, string Body, DateTime CreatedAt);

    public static async Task<Results<Ok<CommandBatch>, ValidationProblem>> ReadCommands(
        ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct, int? limit = null, int? waitSeconds = null)
    {
        if (limit is < 1 or > MaxBatch || waitSeconds is < 0 or > MaxWaitSeconds)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["limit"] = [$"limit from 1 to {MaxBatch}, waitSeconds from 0 to {MaxWaitSeconds}."],
            }, title: "The commands cannot be read.");
        }
        var until = DateTimeOffset.UtcNow.AddSeconds(waitSeconds ?? 0);
        while (true)
        {
            List<Row> rows;
            await using (var session = await db.BeginTenantSessionAsync(user.TenantId(), ct))
            {
                rows = (await session.QueryAsync<Row>("""
                    SELECT id, command_id, kind, call_id, body::text AS body, created_at FROM pbx_commands
                    WHERE tenant_id = @TenantId AND acked_at IS NULL ORDER BY id LIMIT @limit
                    """, new { session.TenantId, limit = limit ?? 100 }, ct)).ToList();
                await session.CommitAsync(ct);
            }
            if (rows.Count > 0 || DateTimeOffset.UtcNow >= until)
            {
                return TypedResults.Ok(new CommandBatch(rows.Select(r => new Command(
                    r.Id, r.CommandId, r.Kind, r.CallId, JsonDocument.Parse(r.Body).RootElement.Clone(), r.CreatedAt)).ToArray()));
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }

    public static async Task<Results<Ok<AckResponse>, ValidationProblem>> AcknowledgeCommands(
        AckRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        if (request.CommandIds is not { Length: > 0 and <= MaxBatch } ids)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["commandIds"] = [$"1 to {MaxBatch} command ids."] },
                title: "The commands cannot be acknowledged.");
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var done = await session.ExecuteAsync("""
            UPDATE pbx_commands SET acked_at = @now WHERE tenant_id = @TenantId AND command_id = ANY(@ids) AND acked_at IS NULL
            """, new { session.TenantId, ids, now = clock.GetUtcNowAsStored() }, ct);
        await session.CommitAsync(ct);
        return TypedResults.Ok(new AckResponse(done));
    }
}
