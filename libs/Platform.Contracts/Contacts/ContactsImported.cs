namespace Platform.Contracts.Contacts;

/// <summary>
/// A batch of a call-list import added these contacts to the project's client base: one event for the batch (up to
/// a thousand rows) instead of one <see cref="ContactCreated"/> per row, so a 100,000-row import is a hundred messages
/// through the outbox, the broker and each consumer's inbox. Each contact carries what <see cref="ContactCreated"/>
/// carries; every service that keeps them purges them on <see cref="ContactErased"/> (and erasure blanks the contact's
/// entry in an outbox row of this event).
/// </summary>
public sealed record ContactsImported(Guid TenantId, Guid ProjectId, DateTimeOffset CreatedAt, IReadOnlyList<ImportedContact> Contacts) : ITenantEvent;
