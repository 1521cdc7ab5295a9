using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Clients.CustomFields;
using Platform.Clients.Lifecycle;
using Platform.Clients.Privacy;
using Platform.Clients.Projects;
using Platform.Contracts.Contacts;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Clients.Contacts;

public static class ContactsApi
{
    public static void MapContactsApi(this IEndpointRouteBuilder routes)
    {
        var project = routes.MapGroup("/api/clients/projects/{projectId:guid}/contacts").WithTags("Contacts").RequireAuthorization(Policies.Staff);
        project.MapPost("/", CreateContact).WithName("CreateContact").WithSummary("Adds a contact to a project by hand (its phone checked and normalised to E.164)").WithRequestExample(new { Name = "Eva Dvořáková", Phone = "+420 601 123 456", Company = "Acme s.r.o.", TimeZone = "Europe/Prague", Vip = false, CustomFields = new { Contract = "A-1042" } });
        project.MapGet("/", SearchContacts).WithName("SearchContacts")
            .WithSummary("Contacts of a project by phone, name, status, latest disposition, next contact date range and custom fields, in pages");
        var contact = routes.MapGroup("/api/clients/contacts/{contactId:guid}").WithTags("Contacts").RequireAuthorization(Policies.Staff);
        contact.MapGet("/", GetContact).WithName("GetContact").WithSummary("A contact's card: name, phone, status, custom fields");
        contact.MapPut("/", UpdateContact).WithName("UpdateContact").WithSummary("Edits a contact's card (every change is audited in its history)");
        contact.MapGet("/history", GetContactHistory).WithName("GetContactHistory").WithSummary("A contact's history: outcomes, status moves, script answers and card changes");
    }

    public const int DefaultPage = 200;
    public const int MaxPage = 1000;

    /// <param name="Region">The region of the contact's address (ISO 3166-2: US-TX, AU-NSW, BR-SP, RU-MOW …): without a zone, the contact's zone is the region's.</param>
    public sealed record CreateContactRequest(string? Kind, string? Name, string? Company, string? Phone, string? TimeZone, bool? Vip, JsonElement? CustomFields,
        string? Region = null);

    /// <summary>The card as a whole, as on creation (a left-out zone is the number's again); the status moves only by outcomes.</summary>
    public sealed record UpdateContactRequest(string? Kind, string? Name, string? Company, string? Phone, string? TimeZone, bool? Vip, JsonElement? CustomFields,
        string? Region = null);

    public sealed record StatusMove(string? From, string To, DateTime At, Guid? ByUser, Guid? CallId, string Reason);
    public sealed record Outcome(Guid Id, string DispositionCode, string Category, string? Notes, int? DurationSeconds, Guid AgentId, Guid? CallId, DateTime? NextContactAt, DateTime RecordedAt);
    public sealed record HandledCall(Guid CallId, Guid QueueId, Guid AgentId, double WaitSeconds, double TalkSeconds, double HoldSeconds,
        double WrapUpSeconds, bool Callback, DateTime ArrivedAt, DateTime CompletedAt);
    public sealed record ScriptAnswers(Guid SessionId, Guid ScriptId, int Version, Guid? CallId, string Outcome, string? SuggestedDisposition,
        JsonElement Answers, DateTime CompletedAt);
    public sealed record CardChange(string Field, string? From, string? To, DateTime At, Guid ByUser);
    public sealed record History(StatusMove[] StatusMoves, Outcome[] Outcomes, HandledCall[] Calls, ScriptAnswers[] ScriptAnswers, CardChange[] CardChanges);

    private static async Task<Results<Created<ContactResponse>, ValidationProblem, ProblemHttpResult>> CreateContact(
        Guid projectId, CreateContactRequest request, ClaimsPrincipal user, NpgsqlDataSource db, DoNotCallList doNotCall, TimeProvider clock,
        CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var project = await ProjectSettings.LoadAsync(session, projectId, ct);
        if (project is null)
        {
            return Problems.NotFound("Project", projectId);
        }
        var (contact, errors) = NewContact.From(request.Kind, request.Name, request.Company, request.Phone, request.TimeZone, request.Vip,
            request.CustomFields, project.Country, project.TimeZone, request.Region);
        if (contact is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The contact cannot be added.");
        }
        var (typed, fieldErrors) = CustomFieldRules.Apply(project.Fields, contact.CustomFields);
        if (fieldErrors.Count > 0)
        {
            return CustomFieldsApi.Unfit(fieldErrors);
        }
        contact = contact with { CustomFields = typed };
        var now = clock.GetUtcNowAsStored();
        var id = Guid.CreateVersion7();
        const string sql = """
            INSERT INTO contacts (tenant_id, id, project_id, kind, name, company, phone, phone_region, time_zone, vip, status,
                                  custom_fields, created_at, updated_at, calling_zones)
            VALUES (@TenantId, @id, @projectId, @Kind, @Name, @Company, @Phone, @Region, @TimeZone, @Vip, @Status,
                    CAST(@CustomFields AS jsonb), @now, @now, @CallingZones)
            ON CONFLICT (tenant_id, project_id, phone) DO NOTHING
            """;
        // A number that asked never to be called again comes back as do-not-call, whoever brings it.
        var listed = await doNotCall.IsListedAsync(session, contact.Phone.E164, project.ClientCompanyId, ct);
        var status = ContactLifecycle.Name(listed ? ContactStatus.DoNotCall : ContactStatus.Potential);
        var inserted = await session.ExecuteAsync(sql, new
        {
            session.TenantId, id, projectId, contact.Kind, contact.Name, contact.Company, Phone = contact.Phone.E164, contact.Phone.Region,
            contact.TimeZone, contact.Vip, Status = status, CustomFields = contact.CustomFields?.GetRawText() ?? "{}", now, contact.CallingZones,
        }, ct);
        if (inserted == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The number is already in this project.",
                detail: $"A contact with {contact.Phone.E164} exists in the project; search by phone to find it.");
        }
        await session.ExecuteAsync("""
            INSERT INTO contact_status_history (tenant_id, id, contact_id, from_status, to_status, at, by_user, reason)
            VALUES (@TenantId, @HistoryId, @id, NULL, @Status, @now, @ByUser, @Reason)
            """, new { session.TenantId, HistoryId = Guid.CreateVersion7(), id, Status = status, now, ByUser = user.UserId(),
                Reason = listed ? $"added to the client base; {DoNotCallList.Reason}" : "added to the client base" }, ct);
        await session.PublishAsync(new ContactCreated(session.TenantId, id, projectId, status, contact.Vip, now, contact.Phone.E164, contact.Name, contact.CustomFields), ct);
        var created = await FindAsync(session, id, ct);
        await session.CommitAsync(ct);
        return TypedResults.Created($"/api/clients/contacts/{id}", created!);
    }

    private static async Task<Results<Ok<ContactResponse[]>, ValidationProblem, ProblemHttpResult>> SearchContacts(
        Guid projectId, [AsParameters] ContactFilter.Query query, int? limit, string? cursor, ClaimsPrincipal user, NpgsqlDataSource db,
        HttpResponse response, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (limit is < 1 or > MaxPage)
        {
            errors["limit"] = [$"1 to {MaxPage} contacts a page."];
        }
        var after = cursor is null ? null : SearchCursor.Read(cursor);
        if (cursor is not null && after is null)
        {
            errors["cursor"] = ["Not a cursor this search gave (X-Next-Cursor)."];
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var project = await ProjectSettings.LoadAsync(session, projectId, ct);
        if (project is null)
        {
            return Problems.NotFound("Project", projectId);
        }
        var filter = ContactFilter.Read(query, project.Country, project.Zone, errors, (key, text) => CustomFieldRules.SearchValue(project.Fields, key, text));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The search cannot be run.");
        }
        const string sql = $"""
            SELECT {ContactResponse.Columns} FROM contacts
            WHERE {ContactFilter.Where}
              AND (@AfterName::text IS NULL OR (name, id) > (@AfterName, @AfterId))
            ORDER BY name, id
            LIMIT @Take
            """;
        var take = limit ?? DefaultPage;
        var parameters = filter.Parameters(session.TenantId, projectId);
        parameters.AddDynamicParams(new { AfterName = after?.Name, AfterId = after?.Id, Take = take + 1 });
        var contacts = (await session.QueryAsync<ContactResponse>(sql, parameters, ct)).ToList();
        if (contacts.Count > take)
        {
            contacts.RemoveAt(take);
            response.Headers["X-Next-Cursor"] = SearchCursor.Write(contacts[^1].Name, contacts[^1].Id);
        }
        return TypedResults.Ok(contacts.ToArray());
    }

    private static async Task<Results<Ok<ContactResponse>, ProblemHttpResult>> GetContact(Guid contactId, ClaimsPrincipal user, NpgsqlDataSource db,
        HttpResponse response, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var contact = await FindAsync(session, contactId, ct);
        if (contact is null)
        {
            return Problems.NotFound("Contact", contactId);
        }
        response.Headers.ETag = ContactVersion.ETag(contact.Version);
        return TypedResults.Ok(contact);
    }

    /// <summary>
    /// Edits the card with the rules of its creation; refused whole (nothing written) when a field is wrong (400), the number
    /// is another contact's in the project or asked never to be called (409), or If-Match names a version that is gone (412).
    /// </summary>
    private static async Task<Results<Ok<ContactResponse>, ValidationProblem, ProblemHttpResult>> UpdateContact(
        Guid contactId, UpdateContactRequest request, ClaimsPrincipal user, NpgsqlDataSource db, DoNotCallList doNotCall, TimeProvider clock,
        HttpRequest http, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var card = await session.QuerySingleOrDefaultAsync<CurrentCard>("""
            SELECT project_id, kind, name, company, phone, time_zone, vip, custom_fields::text AS custom_fields, status, version FROM contacts
            WHERE tenant_id = @TenantId AND id = @contactId AND erased_at IS NULL FOR UPDATE
            """, new { session.TenantId, contactId }, ct);
        if (card is null)
        {
            return Problems.NotFound("Contact", contactId);
        }
        if (!ContactVersion.Allows(http.Headers.IfMatch, card.Version))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The contact changed meanwhile.",
                detail: $"The card is at version {card.Version} ({ContactVersion.ETag(card.Version)}), not the one in If-Match; read it again and redo the edit.");
        }
        var project = (await ProjectSettings.LoadAsync(session, card.ProjectId, ct))!;
        var (contact, errors) = NewContact.From(request.Kind, request.Name, request.Company, request.Phone, request.TimeZone, request.Vip,
            request.CustomFields, project.Country, project.TimeZone, request.Region);
        if (contact is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The contact cannot be changed.");
        }
        var (typed, fieldErrors) = CustomFieldRules.Apply(project.Fields, contact.CustomFields);
        if (fieldErrors.Count > 0)
        {
            return CustomFieldsApi.Unfit(fieldErrors);
        }
        contact = contact with { CustomFields = typed };
        if (contact.Phone.E164 != card.Phone && card.Status != ContactLifecycle.Name(ContactStatus.DoNotCall)
            && await doNotCall.IsListedAsync(session, contact.Phone.E164, project.ClientCompanyId, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The number asked never to be called.",
                detail: $"{contact.Phone.E164} is on the call center's do-not-call list; add it as a new contact to keep it as do-not-call.");
        }
        var now = clock.GetUtcNowAsStored();
        const string sql = """
            UPDATE contacts SET kind = @Kind, name = @Name, company = @Company, phone = @Phone, phone_region = @Region, time_zone = @TimeZone,
                vip = @Vip, custom_fields = CAST(@CustomFields AS jsonb), calling_zones = @CallingZones, updated_at = @now
            WHERE tenant_id = @TenantId AND id = @contactId
            """;
        try
        {
            await session.ExecuteAsync(sql, new
            {
                contact.Kind, contact.Name, contact.Company, Phone = contact.Phone.E164, contact.Phone.Region, contact.TimeZone, contact.Vip,
                CustomFields = contact.CustomFields?.GetRawText() ?? "{}", contact.CallingZones, now, session.TenantId, contactId,
            }, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The number is already in this project.",
                detail: $"Another contact of the project has {contact.Phone.E164}; search by phone to find it.");
        }
        if (contact.Phone.E164 != card.Phone && card.Status == ContactLifecycle.Name(ContactStatus.DoNotCall))
        {
            await KeepDoNotCallAsync(session, doNotCall, card, contact.Phone.E164, project.ClientCompanyId, user.UserId(), now, ct);
        }
        var changes = CardChanges.Between(
            new CardChanges.Card(card.Kind, card.Name, card.Company, card.Phone, card.TimeZone, card.Vip, card.CustomFields),
            new CardChanges.Card(contact.Kind, contact.Name, contact.Company, contact.Phone.E164, contact.TimeZone, contact.Vip, contact.CustomFields?.GetRawText() ?? "{}"));
        await session.ExecuteAsync("""
            INSERT INTO contact_card_changes (tenant_id, id, contact_id, field, from_value, to_value, at, by_user, position)
            SELECT @TenantId, gen_random_uuid(), @contactId, c.field, c.from_value, c.to_value, @now, @ByUser, c.position
            FROM unnest(@Fields, @Froms, @Tos) WITH ORDINALITY AS c(field, from_value, to_value, position)
            """, new { session.TenantId, contactId, now, ByUser = user.UserId(), Fields = changes.Select(c => c.Field).ToArray(),
                Froms = changes.Select(c => c.From).ToArray(), Tos = changes.Select(c => c.To).ToArray() }, ct);
        await session.PublishAsync(new ContactUpdated(session.TenantId, contactId, card.ProjectId, contact.Vip, contact.Phone.E164, contact.Name, contact.TimeZone, now, contact.CustomFields), ct);
        var updated = (await FindAsync(session, contactId, ct))!;
        await session.CommitAsync(ct);
        http.HttpContext.Response.Headers.ETag = ContactVersion.ETag(updated.Version);
        return TypedResults.Ok(updated);
    }

    private static async Task<Results<Ok<History>, ProblemHttpResult>> GetContactHistory(Guid contactId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (await FindAsync(session, contactId, ct) is null)
        {
            return Problems.NotFound("Contact", contactId);
        }
        return TypedResults.Ok(await HistoryAsync(session, contactId, ct));
    }

    public static async Task<History> HistoryAsync(TenantSession session, Guid contactId, CancellationToken ct)
    {
        var moves = await session.QueryAsync<StatusMove>("""
            SELECT from_status AS "from", to_status AS "to", at, by_user, call_id, reason FROM contact_status_history
            WHERE tenant_id = @TenantId AND contact_id = @contactId ORDER BY at, id
            """, new { session.TenantId, contactId }, ct);
        var outcomes = await session.QueryAsync<Outcome>("""
            SELECT id, disposition_code, category, notes, duration_seconds, agent_id, call_id, next_contact_at, recorded_at FROM call_outcomes
            WHERE tenant_id = @TenantId AND contact_id = @contactId ORDER BY recorded_at, id
            """, new { session.TenantId, contactId }, ct);
        var calls = await session.QueryAsync<HandledCall>("""
            SELECT call_id, queue_id, agent_id, wait_seconds, talk_seconds, hold_seconds, wrap_up_seconds, callback, arrived_at, completed_at
            FROM contact_calls WHERE tenant_id = @TenantId AND contact_id = @contactId ORDER BY completed_at, call_id
            """, new { session.TenantId, contactId }, ct);
        var answers = await session.QueryAsync<ScriptAnswers>("""
            SELECT session_id, script_id, version, call_id, outcome, suggested_disposition, answers, completed_at
            FROM script_answers WHERE tenant_id = @TenantId AND contact_id = @contactId ORDER BY completed_at, session_id
            """, new { session.TenantId, contactId }, ct);
        var cardChanges = await session.QueryAsync<CardChange>("""
            SELECT field, from_value AS "from", to_value AS "to", at, by_user FROM contact_card_changes
            WHERE tenant_id = @TenantId AND contact_id = @contactId ORDER BY at, position
            """, new { session.TenantId, contactId }, ct);
        return new History(moves.ToArray(), outcomes.ToArray(), calls.ToArray(), answers.ToArray(), cardChanges.ToArray());
    }

    private sealed record CurrentCard(Guid ProjectId, string Kind, string Name, string? Company, string Phone, string TimeZone, bool Vip,
        string CustomFields, string Status, int Version);

    /// <summary>
    /// A do-not-call contact keeps its old number blocked when its phone is edited (the request was the person's, on that
    /// number), and the new number takes the old one's scopes (it is the same person who asked).
    /// </summary>
    private static async Task KeepDoNotCallAsync(TenantSession session, DoNotCallList doNotCall, CurrentCard card, string newPhone, Guid? company,
        Guid byUser, DateTimeOffset now, CancellationToken ct)
    {
        var scopes = (await doNotCall.ScopesOfAsync(session, card.Phone, ct)).ToList();
        if (scopes.Count == 0)
        {
            scopes.Add(company); // a do-not-call contact from before numbers were bound: the number binds the client company from now on
            await doNotCall.AddAsync(session, card.Phone, company, "the do-not-call contact's number before an edit", byUser, now, ct);
        }
        foreach (var scope in scopes)
        {
            await doNotCall.AddAsync(session, newPhone, scope, "the do-not-call contact's number after an edit", byUser, now, ct);
        }
    }

    /// <summary>The project of a contact that exists and is not erased; null otherwise (the API's 404).</summary>
    public static Task<Guid?> ProjectOfAsync(TenantSession session, Guid contactId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<Guid?>("SELECT project_id FROM contacts WHERE tenant_id = @TenantId AND id = @contactId AND erased_at IS NULL",
            new { session.TenantId, contactId }, ct);

    public static Task<ContactResponse?> FindAsync(TenantSession session, Guid contactId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<ContactResponse>(
            $"SELECT {ContactResponse.Columns} FROM contacts WHERE tenant_id = @TenantId AND id = @contactId AND erased_at IS NULL", new { session.TenantId, contactId }, ct);
}
