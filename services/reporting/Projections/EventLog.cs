using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Contracts;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Projections;

/// <summary>The raw events reporting consumed, whole, by their own time: what a rebuild replays and a recount reads.</summary>
public static class EventLog
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly FrozenDictionary<string, Type> Types = typeof(ITenantEvent).Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ITenantEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.FullName!);

    public static Task AppendAsync(TenantSession session, Guid messageId, ITenantEvent message, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO event_log (tenant_id, message_id, message_type, occurred_at, body)
            VALUES (@TenantId, @messageId, @Type, @OccurredAt, CAST(@Body AS jsonb))
            ON CONFLICT DO NOTHING
            """;
        return session.ExecuteAsync(sql, new
        {
            session.TenantId, messageId, Type = message.GetType().FullName, OccurredAt = Projector.OccurredAt(message),
            Body = JsonSerializer.Serialize(message, message.GetType(), Json),
        }, ct);
    }

    public static ITenantEvent Read(string type, string body) =>
        Types.TryGetValue(type, out var t)
            ? (ITenantEvent)(JsonSerializer.Deserialize(body, t, Json) ?? throw new InvalidOperationException($"An empty {type} in the event log."))
            : throw new InvalidOperationException($"'{type}' is not a message contract.");
}
