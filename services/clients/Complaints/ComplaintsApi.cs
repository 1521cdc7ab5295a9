using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Clients.Contacts;
using Platform.Clients.Idempotency;
using Platform.Contracts.Contacts;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Clients.Complaints;

public static class ComplaintsApi
{
    public static void MapComplaintsApi(this IEndpointRouteBuilder routes)
    {
        var contact = routes.MapGroup("/api/clients/contacts/{contactId:guid}").WithTags("Complaints and orders").RequireAuthorization(Policies.Staff);
        contact.MapGet("/complaints", ListComplaints).WithName("ListComplaints").WithSummary("A contact's complaints, open and resolved");
        contact.MapPost("/complaints", OpenComplaint).WithName("OpenComplaint").WithSummary("Opens a complaint for a contact (optionally tied to the call it was raised on)");
        contact.MapGet("/orders", ListOrders).WithName("ListOrders").WithSummary("A contact's orders");
        contact.MapPost("/orders", RecordOrder).WithName("RecordOrder").WithSummary("Records an order a contact placed (description, amount, currency, call)");
        routes.MapPost("/api/clients/complaints/{complaintId:guid}/resolution", ResolveComplaint)
            .WithTags("Complaints and orders").WithName("ResolveComplaint").WithSummary("Resolves a complaint with its resolution").RequireAuthorization(Policies.Staff);
    }

    public sealed record OpenComplaintRequest(string? Subject, Guid? CallId);
    public sealed record ResolveComplaintRequest(string? Resolution);
    public sealed record RecordOrderRequest(string? Description, decimal? Amount, string? Currency, Guid? CallId);
    public sealed record Complaint(Guid Id, string Subject, Guid? CallId, DateTime OpenedAt, Guid OpenedBy, string? Resolution, DateTime? ResolvedAt, Guid? ResolvedBy);
    public sealed record Order(Guid Id, string Description, decimal? Amount, string? Currency, Guid? CallId, DateTime RecordedAt, Guid RecordedBy);

    private static async Task<Results<Ok<Complaint[]>, ProblemHttpResult>> ListComplaints(Guid contactId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (await ContactsApi.ProjectOfAsync(session, contactId, ct) is null)
        {
            return Problems.NotFound("Contact", contactId);
        }
        return TypedResults.Ok(await ComplaintsOfAsync(session, contactId, ct));
    }

    private static async Task<Results<Created<Complaint>, ValidationProblem, ProblemHttpResult, ReplayedAnswer>> OpenComplaint(
        Guid contactId, OpenComplaintRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, HttpRequest http, CancellationToken ct)
    {
        var (idempotency, keyProblem) = IdempotentRequest.Read(http, "complaint", contactId, request);
        if (keyProblem is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IdempotentRequest.Header] = [keyProblem] }, title: "The complaint cannot be opened.");
        }
        if (Complaints.CheckText(request.Subject, "subject") is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["subject"] = [problem] }, title: "The complaint cannot be opened.");
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (idempotency is not null && await idempotency.ClaimAsync(session, ct) is { } earlier)
        {
            return earlier is ReplayedAnswer replay ? replay : (ProblemHttpResult)earlier;
        }
        if (await ContactsApi.ProjectOfAsync(session, contactId, ct) is not { } projectId)
        {
            return Problems.NotFound("Contact", contactId);
        }
        var id = await Complaints.OpenAsync(session, contactId, projectId, request.Subject!.Trim(), request.CallId, user.UserId(), clock.GetUtcNowAsStored(), ct);
        var complaint = (await ComplaintsOfAsync(session, contactId, ct)).Single(c => c.Id == id);
        var location = $"/api/clients/contacts/{contactId}/complaints";
        if (idempotency is not null)
        {
            await idempotency.RememberAsync(session, StatusCodes.Status201Created, location, complaint, ct);
        }
        await session.CommitAsync(ct);
        return TypedResults.Created(location, complaint);
    }

    private static async Task<Results<Ok<Complaint>, ValidationProblem, ProblemHttpResult>> ResolveComplaint(
        Guid complaintId, ResolveComplaintRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        if (Complaints.CheckText(request.Resolution, "resolution") is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["resolution"] = [problem] }, title: "The complaint cannot be resolved.");
        }
        var now = clock.GetUtcNowAsStored();
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var resolved = await session.QuerySingleOrDefaultAsync<(Guid ContactId, Guid ProjectId, DateTime OpenedAt, bool WasOpen)?>("""
            WITH target AS (SELECT c.id, c.contact_id, c.resolved_at IS NULL AS was_open FROM complaints c
                            JOIN contacts k ON k.tenant_id = c.tenant_id AND k.id = c.contact_id AND k.erased_at IS NULL
                            WHERE c.tenant_id = @TenantId AND c.id = @complaintId FOR UPDATE OF c)
            UPDATE complaints c SET resolution = @Resolution, resolved_at = coalesce(c.resolved_at, @now), resolved_by = coalesce(c.resolved_by, @By)
            FROM target WHERE c.tenant_id = @TenantId AND c.id = target.id AND target.was_open
            RETURNING c.contact_id, (SELECT project_id FROM contacts WHERE tenant_id = @TenantId AND id = c.contact_id), c.opened_at, true
            """, new { session.TenantId, complaintId, Resolution = request.Resolution!.Trim(), now, By = user.UserId() }, ct);
        if (resolved is null)
        {
            var exists = await session.QuerySingleOrDefaultAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM complaints WHERE tenant_id = @TenantId AND id = @complaintId)", new { session.TenantId, complaintId }, ct);
            return exists
                ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The complaint is already resolved.")
                : Problems.NotFound("Complaint", complaintId);
        }
        var (contactId, projectId, openedAt, _) = resolved.Value;
        await session.PublishAsync(new ComplaintResolved(session.TenantId, complaintId, contactId, projectId, new DateTimeOffset(openedAt, TimeSpan.Zero), now), ct);
        var complaint = (await ComplaintsOfAsync(session, contactId, ct)).Single(c => c.Id == complaintId);
        await session.CommitAsync(ct);
        return TypedResults.Ok(complaint);
    }

    private static async Task<Results<Ok<Order[]>, ProblemHttpResult>> ListOrders(Guid contactId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (await ContactsApi.ProjectOfAsync(session, contactId, ct) is null)
        {
            return Problems.NotFound("Contact", contactId);
        }
        return TypedResults.Ok(await OrdersOfAsync(session, contactId, ct));
    }

    private static async Task<Results<Created<Order>, ValidationProblem, ProblemHttpResult, ReplayedAnswer>> RecordOrder(
        Guid contactId, RecordOrderRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, HttpRequest http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (idempotency, keyProblem) = IdempotentRequest.Read(http, "order", contactId, request);
        if (keyProblem is not null) errors[IdempotentRequest.Header] = [keyProblem];
        if (Complaints.CheckText(request.Description, "description") is { } problem) errors["description"] = [problem];
        if (request.Amount is < 0 or > 999_999_999_999m) errors["amount"] = ["0 or more, with at most two decimals."];
        if (request.Amount is { } amount && decimal.Round(amount, 2) != amount) errors["amount"] = ["At most two decimals."];
        if (request.Currency is not null && !(request.Currency.Length == 3 && request.Currency.All(char.IsAsciiLetterUpper))) errors["currency"] = ["An ISO 4217 code such as CZK or EUR."];
        if (request.Amount is not null && request.Currency is null) errors["currency"] = ["An amount needs its currency."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The order cannot be recorded.");
        }
        var now = clock.GetUtcNowAsStored();
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (idempotency is not null && await idempotency.ClaimAsync(session, ct) is { } earlier)
        {
            return earlier is ReplayedAnswer replay ? replay : (ProblemHttpResult)earlier;
        }
        if (await ContactsApi.ProjectOfAsync(session, contactId, ct) is not { } projectId)
        {
            return Problems.NotFound("Contact", contactId);
        }
        var id = Guid.CreateVersion7();
        await session.ExecuteAsync("""
            INSERT INTO orders (tenant_id, id, contact_id, description, amount, currency, call_id, recorded_at, recorded_by)
            VALUES (@TenantId, @id, @contactId, @Description, @Amount, @Currency, @CallId, @now, @By)
            """, new { session.TenantId, id, contactId, Description = request.Description!.Trim(), request.Amount, request.Currency, request.CallId, now, By = user.UserId() }, ct);
        await session.PublishAsync(new OrderPlaced(session.TenantId, id, contactId, projectId, request.Amount, request.Currency, request.CallId, now), ct);
        var order = (await OrdersOfAsync(session, contactId, ct)).Single(o => o.Id == id);
        var location = $"/api/clients/contacts/{contactId}/orders";
        if (idempotency is not null)
        {
            await idempotency.RememberAsync(session, StatusCodes.Status201Created, location, order, ct);
        }
        await session.CommitAsync(ct);
        return TypedResults.Created(location, order);
    }

    public static async Task<Complaint[]> ComplaintsOfAsync(TenantSession session, Guid contactId, CancellationToken ct) =>
        (await session.QueryAsync<Complaint>("""
            SELECT id, subject, call_id, opened_at, opened_by, resolution, resolved_at, resolved_by FROM complaints
            WHERE tenant_id = @TenantId AND contact_id = @contactId ORDER BY opened_at, id
            """, new { session.TenantId, contactId }, ct)).ToArray();

    public static async Task<Order[]> OrdersOfAsync(TenantSession session, Guid contactId, CancellationToken ct) =>
        (await session.QueryAsync<Order>("""
            SELECT id, description, amount, currency, call_id, recorded_at, recorded_by FROM orders
            WHERE tenant_id = @TenantId AND contact_id = @contactId ORDER BY recorded_at, id
            """, new { session.TenantId, contactId }, ct)).ToArray();
}
