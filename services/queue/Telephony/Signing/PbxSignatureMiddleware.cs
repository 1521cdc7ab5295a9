using Platform.ServiceDefaults.Auth;

namespace Platform.Queue.Telephony.Signing;

/// <summary>
/// Checks the signature of every request a PBX account (the <c>telephony</c> role) makes to the queue service, once its
/// tenant has a signing secret: a wrong, stale or (when the tenant requires signing) missing signature is refused with a
/// 401 ProblemDetails before the endpoint runs, so nothing changes. The command stream's answers are signed back with the
/// tenant's current secret, so the PBX can check that its commands come from the platform.
/// </summary>
internal sealed class PbxSignatureMiddleware(RequestDelegate next, SigningSecrets secrets, PbxNonces nonces, TimeProvider clock, PbxSigningOptions options,
    ILogger<PbxSignatureMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true || !context.User.IsInRole(Roles.Telephony)
            || !context.Request.Path.StartsWithSegments("/api/queue"))
        {
            await next(context);
            return;
        }
        var tenantId = context.User.TenantId();
        var settings = await secrets.GetAsync(tenantId, fresh: false, context.RequestAborted);
        var signed = context.Request.Headers.ContainsKey(PbxSignature.SignatureHeader) || context.Request.Headers.ContainsKey(PbxSignature.TimestampHeader);
        if (settings is null)
        {
            await next(context);
            return;
        }
        if (signed || settings.Required)
        {
            var body = await BodyAsync(context.Request);
            var refusal = Check(context.Request, body, settings);
            if (refusal is not null && (settings = await secrets.GetAsync(tenantId, fresh: true, context.RequestAborted)) is not null)
            {
                refusal = settings.Required || signed ? Check(context.Request, body, settings) : null;
            }
            if (refusal is null && settings is not null && (signed || settings.Required))
            {
                refusal = await ReplayRefusalAsync(context.Request, tenantId, settings);
            }
            if (refusal is not null)
            {
                logger.LogInformation("Refused an unsigned or wrongly signed PBX request {Method} {Path} of tenant {TenantId}: {Reason}",
                    context.Request.Method, context.Request.Path, tenantId, refusal);
                await TypedResults.Problem(title: "The PBX request's signature is not valid.", detail: refusal, statusCode: StatusCodes.Status401Unauthorized)
                    .ExecuteAsync(context);
                return;
            }
        }
        if (settings is not null && HttpMethods.IsGet(context.Request.Method) && context.Request.Path.StartsWithSegments("/api/queue/telephony/commands"))
        {
            await SignedAnswerAsync(context, settings.Secret);
            return;
        }
        await next(context);
    }

    private string? Check(HttpRequest request, byte[] body, SigningSecrets.Settings settings) =>
        PbxSignature.Refusal(request.Headers[PbxSignature.TimestampHeader], request.Headers[PbxSignature.SignatureHeader], body,
            settings.InForce(clock.GetUtcNow()), clock.GetUtcNow(), TimeSpan.FromSeconds(options.SignatureToleranceSeconds), Nonce(request));

    private static string? Nonce(HttpRequest request) =>
        request.Headers[PbxSignature.NonceHeader].ToString() is { Length: > 0 } nonce ? nonce : null;

    /// <summary>
    /// A well-signed request's nonce is taken once within its replay window (every replica sees it: it is in PostgreSQL);
    /// without a nonce the request passes unless the tenant requires one.
    /// </summary>
    private async Task<string?> ReplayRefusalAsync(HttpRequest request, Guid tenantId, SigningSecrets.Settings settings)
    {
        if (Nonce(request) is not { } nonce)
        {
            return settings.NonceRequired
                ? $"The tenant requires a nonce: send {PbxSignature.NonceHeader} (new for every request, e.g. a UUID) and sign \"timestamp.nonce.body\"."
                : null;
        }
        var now = clock.GetUtcNow();
        var until = PbxSignature.SignedAt(request.Headers[PbxSignature.TimestampHeader].ToString()).AddSeconds(options.SignatureToleranceSeconds + 1);
        return await nonces.TakeAsync(tenantId, nonce, now, until, request.HttpContext.RequestAborted)
            ? null
            : $"The nonce {nonce} was already used within the replay window: a captured request sent again is refused (send a new nonce with every request).";
    }

    private static async Task<byte[]> BodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return copy.ToArray();
    }

    /// <summary>The answer is kept whole (a batch of commands, at most a few hundred kB), signed, then sent.</summary>
    private async Task SignedAnswerAsync(HttpContext context, string secret)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        context.Response.Headers[PbxSignature.TimestampHeader] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers[PbxSignature.SignatureHeader] = PbxSignature.Sign(secret, timestamp, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        context.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }
}
