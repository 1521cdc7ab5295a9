using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Npgsql;
using Platform.Clients.Contacts;
using Platform.Clients.Lifecycle;
using Platform.Clients.Privacy;
using Platform.Clients.Projects;
using Platform.Clients.Suppression;
using Platform.Contracts.Contacts;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Clients.Consent;

public static class ConsentsApi
{
    public static void MapConsentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/clients/contacts/{contactId:guid}").WithTags("Consent").RequireAuthorization(Policies.Staff);
        group.MapPost("/consents", RecordConsent).WithName("RecordConsent").WithSummary("Records a contact's consent for a purpose (granted or withdrawn, its source and expiry)");
        group.MapGet("/consents", ListConsents).WithName("ListConsents").WithSummary("A contact's consent records");
        group.MapGet("/callable", MayCall).WithName("MayCallContact").WithSummary("May this contact be called now? Yes, or no with the reason");
    }

    public sealed record RecordConsentRequest(string? Purpose, bool? Granted, string? Source, DateTimeOffset? ExpiresAt);
    public sealed record ConsentEntry(Guid Id, string Purpose, bool Granted, DateTime At, string Source, DateTime? ExpiresAt, Guid RecordedBy);
    public sealed record CallableResponse(bool MayCall, string[] Reasons, string TimeZone, string ContactLocalTime);

    private static async Task<Results<Created<ConsentEntry>, ValidationProblem, ProblemHttpResult>> RecordConsent(
        Guid contactId, RecordConsentRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNowAsStored();
        var errors = new Dictionary<string, string[]>();
        if (!SnakeCase.TryParse<ConsentPurpose>(request.Purpose, out var purpose))
        {
            errors["purpose"] = [$"One of {string.Join(", ", Enum.GetValues<ConsentPurpose>().Select(SnakeCase.Of))}."];
        }
        if (request.Granted is null)
        {
            errors["granted"] = ["Required: true when given, false when withdrawn."];
        }
        if (ShortText.Read(request.Source) is null)
        {
            errors["source"] = ["Where the word was given (call recording id, web form, letter): 1 to 200 printable characters."];
        }
        if (request.ExpiresAt is { } expires && expires <= now)
        {
            errors["expiresAt"] = ["An expiry lies in the future."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The consent cannot be recorded.");
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (await ContactsApi.ProjectOfAsync(session, contactId, ct) is null)
        {
            return Problems.NotFound("Contact", contactId);
        }
        var entry = new ConsentEntry(Guid.CreateVersion7(), SnakeCase.Of(purpose), request.Granted!.Value, now.UtcDateTime, ShortText.Read(request.Source)!,
            request.ExpiresAt?.UtcDateTime, user.UserId());
        await session.ExecuteAsync("""
            INSERT INTO consents (tenant_id, id, contact_id, purpose, granted, at, source, expires_at, recorded_by)
            VALUES (@TenantId, @Id, @contactId, @Purpose, @Granted, @At, @Source, @ExpiresAt, @RecordedBy)
            """, new { session.TenantId, entry.Id, contactId, entry.Purpose, entry.Granted, At = now, entry.Source, request.ExpiresAt, entry.RecordedBy }, ct);
        await session.PublishAsync(new ConsentChanged(session.TenantId, contactId, entry.Purpose, entry.Granted, entry.Source, now, request.ExpiresAt), ct);
        await session.CommitAsync(ct);
        return TypedResults.Created($"/api/clients/contacts/{contactId}/consents", entry);
    }

    private static async Task<Results<Ok<ConsentEntry[]>, ProblemHttpResult>> ListConsents(Guid contactId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var entries = await LoadAsync(session, contactId, ct);
        return entries is null ? Problems.NotFound("Contact", contactId) : TypedResults.Ok(entries);
    }

    private static async Task<Results<Ok<CallableResponse>, ProblemHttpResult>> MayCall(
        Guid contactId, ClaimsPrincipal user, NpgsqlDataSource db, DoNotCallList doNotCall, TimeProvider clock, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var contact = await session.QuerySingleOrDefaultAsync<CallableContact>(
            "SELECT project_id, status, time_zone, phone, calling_zones, phone_region FROM contacts WHERE tenant_id = @TenantId AND id = @contactId AND erased_at IS NULL", new { session.TenantId, contactId }, ct);
        if (contact is null)
        {
            return Problems.NotFound("Contact", contactId);
        }
        var project = (await ProjectSettings.LoadAsync(session, contact.ProjectId, ct))!;
        var consents = (await LoadAsync(session, contactId, ct))!
            .Select(c => new ConsentState(SnakeCase.TryParse<ConsentPurpose>(c.Purpose, out var p) ? p : default, c.Granted,
                Instant.FromDateTimeUtc(DateTime.SpecifyKind(c.At, DateTimeKind.Utc)),
                c.ExpiresAt is { } e ? Instant.FromDateTimeUtc(DateTime.SpecifyKind(e, DateTimeKind.Utc)) : null))
            .ToList();
        var zone = DateTimeZoneProviders.Tzdb[contact.TimeZone];
        var numberBlocks = new List<string>();
        if (await doNotCall.IsListedAsync(session, contact.Phone, project.ClientCompanyId, ct))
        {
            numberBlocks.Add(DoNotCallList.Reason);
        }
        numberBlocks.AddRange((await SuppressionMatches.OfAsync(session, [contact.Phone], project.ClientCompanyId, ct)).GetValueOrDefault(contact.Phone) ?? []);
        var verdict = CallingPermission.Check(ContactLifecycle.Parse(contact.Status), consents, project.Calendar.ForContact(contact.PhoneRegion), zone,
            Instant.FromDateTimeOffset(clock.GetUtcNow()), numberBlocks, contact.CallingZones.Select(z => DateTimeZoneProviders.Tzdb[z]).ToList());
        return TypedResults.Ok(new CallableResponse(verdict.MayCall, [.. verdict.Reasons], zone.Id,
            verdict.ContactLocalTime.ToString("yyyy-MM-dd'T'HH:mm", null)));
    }

    private sealed class CallableContact
    {
        public Guid ProjectId { get; init; }
        public string Status { get; init; } = "";
        public string TimeZone { get; init; } = "";
        public string Phone { get; init; } = "";
        public string[] CallingZones { get; init; } = [];
        public string? PhoneRegion { get; init; }
    }

    private static async Task<ConsentEntry[]?> LoadAsync(TenantSession session, Guid contactId, CancellationToken ct)
    {
        if (await ContactsApi.ProjectOfAsync(session, contactId, ct) is null)
        {
            return null;
        }
        var entries = await session.QueryAsync<ConsentEntry>("""
            SELECT id, purpose, granted, at, source, expires_at, recorded_by FROM consents
            WHERE tenant_id = @TenantId AND contact_id = @contactId ORDER BY at, id
            """, new { session.TenantId, contactId }, ct);
        return entries.ToArray();
    }
}
