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

    public static Task AppendAsync(TenantSession session, IReadOnlyList<(Guid MessageId, ITenantEvent Message)> events, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO event_log (tenant_id, message_id, message_type, occurred_at, body)
            SELECT @TenantId, e.message_id, e.message_type, e.occurred_at, CAST(e.body AS jsonb)
            FROM unnest(@Ids, @Types, @OccurredAts, @Bodies) AS e(message_id, message_type, occurred_at, body)
            ON CONFLICT DO NOTHING
            """;
        return session.ExecuteAsync(sql, new
        {
            session.TenantId,
            Ids = events.Select(e => e.MessageId).ToArray(),
            Types = events.Select(e => e.Message.GetType().FullName!).ToArray(),
            OccurredAts = events.Select(e => Projector.OccurredAt(e.Message)).ToArray(),
            Bodies = events.Select(e => JsonSerializer.Serialize(e.Message, e.Message.GetType(), Json)).ToArray(),
        }, ct);
    }

    public static ITenantEvent Read(string type, string body) =>
        Types.TryGetValue(type, out var t)
            ? (ITenantEvent)(JsonSerializer.Deserialize(body, t, Json) ?? throw new InvalidOperationException($"An empty {type} in the event log."))
            : throw new InvalidOperationException($"'{type}' is not a message contract.");
}
