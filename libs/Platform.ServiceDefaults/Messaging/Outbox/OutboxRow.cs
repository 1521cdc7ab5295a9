namespace Platform.ServiceDefaults.Messaging.Outbox;

internal sealed record OutboxRow(long Sequence, Guid MessageId, Guid TenantId, string MessageType, string Body, string? TraceParent);
