using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Telephony.Webhooks;

/// <summary>
/// The admin registers the URL of the tenant's PBX adapter: from then on the platform POSTs every batch of commands there,
/// signed (docs/telephony.md, "Push: signed webhooks"). The pull stream stays available; a removed webhook leaves the
/// commands not yet delivered in it. A webhook needs a signing secret first: an unsigned push would let anyone who finds
/// the URL give the PBX orders.
/// </summary>
public static class WebhookApi
{
    public const int MaxUrlLength = 2000;

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record WebhookRequest(string? Url);

    public sealed record WebhookStatus(bool Registered, string? Url, DateTime? RegisteredAt, int Failures, string? LastError,
        DateTime? LastFailedAt, DateTime? LastDeliveredAt, long Delivered, DateTime? NextAttemptAt, long Pending);

    private sealed record Row(string Url, DateTime RegisteredAt, int Failures, string? LastError, DateTime? LastFailedAt,
        DateTime? LastDeliveredAt, long Delivered, DateTime NextAttemptAt);

    public static RouteGroupBuilder MapWebhookApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/webhook", GetWebhook).WithName("GetPbxWebhook")
            .WithSummary("Where the tenant's PBX commands are pushed, how delivery goes (failures, last error, delivered, pending).");
        admin.MapPut("/webhook", RegisterWebhook).WithName("RegisterPbxWebhook")
            .WithSummary("Push the PBX commands to this URL as signed batches, retried with backoff; needs a signing secret (409 without).");
        admin.MapDelete("/webhook", RemoveWebhook).WithName("RemovePbxWebhook")
            .WithSummary("Stop pushing: the commands not yet delivered stay in the pull stream.");
        return admin;
    }

    public static async Task<Ok<WebhookStatus>> GetWebhook(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var status = await StatusAsync(session, ct);
        await session.CommitAsync(ct);
        return TypedResults.Ok(status);
    }

    public static async Task<Results<Ok<WebhookStatus>, ValidationProblem, ProblemHttpResult>> RegisterWebhook(WebhookRequest request,
        ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        if (Refusal(request.Url) is { } refusal)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["url"] = [refusal] }, title: "The PBX webhook cannot be registered.");
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var hasSecret = await session.QuerySingleOrDefaultAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM pbx_signing WHERE tenant_id = @TenantId)", new { session.TenantId }, ct);
        if (!hasSecret)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The PBX webhook cannot be registered.",
                detail: "The tenant has no PBX signing secret: rotate one first (POST telephony/signing/secrets) and give it to the PBX adapter, which checks every pushed batch with it.");
        }
        var now = clock.GetUtcNowAsStored();
        await session.ExecuteAsync("""
            INSERT INTO pbx_webhooks (tenant_id, url, registered_at, registered_by, next_attempt_at)
            VALUES (@TenantId, @url, @now, @by, @now)
            ON CONFLICT (tenant_id) DO UPDATE SET url = EXCLUDED.url, registered_at = EXCLUDED.registered_at,
                registered_by = EXCLUDED.registered_by, failures = 0, next_attempt_at = EXCLUDED.next_attempt_at, last_error = NULL
            """, new { session.TenantId, url = request.Url, now, by = user.UserId() }, ct);
        var status = await StatusAsync(session, ct);
        await session.CommitAsync(ct);
        return TypedResults.Ok(status);
    }

    public static async Task<NoContent> RemoveWebhook(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        await session.ExecuteAsync("DELETE FROM pbx_webhooks WHERE tenant_id = @TenantId", new { session.TenantId }, ct);
        await session.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Null when the URL can be pushed to: absolute http or https, no credentials in it (they would be logged and shown).</summary>
    public static string? Refusal(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            return $"An absolute http:// or https:// URL of at most {MaxUrlLength} characters.";
        }
        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return "No user name, password or #fragment in the URL: the batches are authenticated by their signature.";
        }
        return null;
    }

    private static async Task<WebhookStatus> StatusAsync(TenantSession session, CancellationToken ct)
    {
        var row = await session.QuerySingleOrDefaultAsync<Row>("""
            SELECT url, registered_at, failures, last_error, last_failed_at, last_delivered_at, delivered, next_attempt_at
            FROM pbx_webhooks WHERE tenant_id = @TenantId
            """, new { session.TenantId }, ct);
        var pending = await session.QuerySingleOrDefaultAsync<long>(
            "SELECT count(*) FROM pbx_commands WHERE tenant_id = @TenantId AND acked_at IS NULL", new { session.TenantId }, ct);
        return row is null
            ? new WebhookStatus(false, null, null, 0, null, null, null, 0, null, pending)
            : new WebhookStatus(true, row.Url, row.RegisteredAt, row.Failures, row.LastError, row.LastFailedAt, row.LastDeliveredAt,
                row.Delivered, row.Failures > 0 ? row.NextAttemptAt : null, pending);
    }
}
