using System.Text.Json;
using Dapper;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>The raw events a tenant's services published (their outbox rows), for recounting reports by hand.</summary>
internal sealed record RawEvent(string Type, JsonElement Body)
{
    public Guid Id(string name) => Body.GetProperty(name).GetGuid();

    public double Number(string name) => Body.GetProperty(name).GetDouble();

    public string Text(string name) => Body.GetProperty(name).GetString()!;

    public static async Task<IReadOnlyList<RawEvent>> OfAsync(PlatformUnderTest platform, Guid tenantId, params string[] services)
    {
        var events = new List<RawEvent>();
        foreach (var service in services)
        {
            await using var db = platform.Database(service);
            var rows = await db.QueryAsync<(string Type, string Body)>(
                "SELECT message_type, body::text FROM outbox_messages WHERE tenant_id = @tenantId ORDER BY sequence", new { tenantId });
            events.AddRange(rows.Select(r => new RawEvent(r.Type[(r.Type.LastIndexOf('.') + 1)..], JsonDocument.Parse(r.Body).RootElement.Clone())));
        }
        return events;
    }
}
