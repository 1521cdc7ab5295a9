using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Telephony.Signing;

/// <summary>
/// The admin's side of signed PBX requests: a new secret (the one it replaces stays valid for a while, so the PBX can
/// switch without a refused request), whether unsigned requests are refused, and what is in force (never the secrets).
/// </summary>
public static class SigningApi
{
    public const int MaxPreviousValidHours = 168;

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record RotateRequest(int? PreviousValidHours);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record RequireRequest(bool? Required, bool? NonceRequired = null);

    public sealed record SigningStatus(bool Configured, bool Required, DateTime? RotatedAt, DateTime? PreviousValidUntil, bool NonceRequired = false);

    public sealed record NewSecret(string Secret, DateTime RotatedAt, DateTime? PreviousValidUntil, bool Required);

    private sealed record Row(bool Required, DateTime RotatedAt, DateTime? PreviousValidUntil, bool NonceRequired);

    public static RouteGroupBuilder MapSigningApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/signing", GetSigning).WithName("GetPbxSigning")
            .WithSummary("Whether the tenant's PBX requests are signed and required to be, and when the secret was last rotated.");
        admin.MapPost("/signing/secrets", RotateSecret).WithName("RotatePbxSigningSecret")
            .WithSummary("A new PBX signing secret, shown once; the one it replaces stays valid for previousValidHours (default 24).");
        admin.MapPut("/signing", RequireSigning).WithName("RequirePbxSigning")
            .WithSummary("Whether a PBX account's unsigned requests are refused (401); a signed request is always checked.");
        return admin;
    }

    public static async Task<Ok<SigningStatus>> GetSigning(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var row = await session.QuerySingleOrDefaultAsync<Row>("""
            SELECT required, rotated_at, previous_valid_until, nonce_required FROM pbx_signing WHERE tenant_id = @TenantId
            """, new { session.TenantId }, ct);
        await session.CommitAsync(ct);
        return TypedResults.Ok(Status(row));
    }

    public static async Task<Results<Created<NewSecret>, ValidationProblem>> RotateSecret(RotateRequest request, ClaimsPrincipal user,
        NpgsqlDataSource db, SigningSecrets secrets, PbxSecretProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var hours = request.PreviousValidHours ?? 24;
        if (hours is < 0 or > MaxPreviousValidHours)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["previousValidHours"] = [$"From 0 (the old secret stops at once) to {MaxPreviousValidHours}."],
            }, title: "The PBX signing secret cannot be rotated.");
        }
        var secret = PbxSignature.NewSecret();
        var now = clock.GetUtcNowAsStored();
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var row = await session.QuerySingleOrDefaultAsync<Row>("""
            INSERT INTO pbx_signing (tenant_id, secret, rotated_at, rotated_by) VALUES (@TenantId, @secret, @now, @by)
            ON CONFLICT (tenant_id) DO UPDATE SET previous_secret = pbx_signing.secret, previous_valid_until = @until,
                secret = EXCLUDED.secret, rotated_at = EXCLUDED.rotated_at, rotated_by = EXCLUDED.rotated_by
            RETURNING required, rotated_at, previous_valid_until, nonce_required
            """, new { session.TenantId, secret = protector.Protect(session.TenantId, secret), now, by = user.UserId(), until = now.AddHours(hours) }, ct);
        await session.CommitAsync(ct);
        secrets.Forget(session.TenantId);
        return TypedResults.Created("/api/queue/telephony/signing", new NewSecret(secret, row!.RotatedAt, row.PreviousValidUntil, row.Required));
    }

    public static async Task<Results<Ok<SigningStatus>, ValidationProblem, ProblemHttpResult>> RequireSigning(RequireRequest request,
        ClaimsPrincipal user, NpgsqlDataSource db, SigningSecrets secrets, CancellationToken ct)
    {
        if (request.Required is not { } required)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["required"] = ["true or false."] },
                title: "The PBX signing rule cannot be set.");
        }
        if (request.NonceRequired is true && !required)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["nonceRequired"] = ["A nonce can be required only with signing required: an unsigned request would pass without one."],
            }, title: "The PBX signing rule cannot be set.");
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var row = await session.QuerySingleOrDefaultAsync<Row>("""
            UPDATE pbx_signing SET required = @required, nonce_required = CASE WHEN @required THEN COALESCE(CAST(@nonceRequired AS boolean), nonce_required) ELSE false END
            WHERE tenant_id = @TenantId RETURNING required, rotated_at, previous_valid_until, nonce_required
            """, new { session.TenantId, required, nonceRequired = request.NonceRequired }, ct);
        await session.CommitAsync(ct);
        secrets.Forget(session.TenantId);
        if (row is null && required)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The PBX signing rule cannot be set.",
                detail: "The tenant has no PBX signing secret yet: rotate one first (POST telephony/signing/secrets), give it to the PBX, then require it.");
        }
        return TypedResults.Ok(Status(row));
    }

    private static SigningStatus Status(Row? row) => new(row is not null, row?.Required ?? false, row?.RotatedAt, row?.PreviousValidUntil, row?.NonceRequired ?? false);
}
