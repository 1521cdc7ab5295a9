using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Queue.Queues;

/// <summary>
/// <c>PUT queues/{id}</c> changes the fields it names and keeps the others as they are (merge-patch semantics, RFC 7396
/// style): an omitted field is never reset to its default; <c>null</c> clears a field that may be empty (max wait, max
/// length, overflow queue, aging, announcements). A field the platform does not know is refused, so a typo changes nothing.
/// </summary>
public static class QueueSettingsChange
{
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The body as a JSON object (read by hand: the fields it names matter, not only their values), or why not.</summary>
    public static async Task<(JsonObject? Changes, Dictionary<string, string[]> Errors)> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        if (!http.HasJsonContentType())
        {
            return (null, new() { ["body"] = ["A JSON object (Content-Type: application/json)."] });
        }
        using var buffer = new MemoryStream();
        await http.Body.CopyToAsync(buffer, ct);
        try
        {
            StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            return JsonNode.Parse(buffer.ToArray()) is JsonObject changes
                ? (changes, [])
                : (null, new() { ["body"] = ["A JSON object of the settings to change."] });
        }
        catch (Exception e) when (e is JsonException or System.Text.DecoderFallbackException)
        {
            return (null, new() { ["body"] = ["Not valid JSON in UTF-8."] });
        }
    }

    public static (QueueSettingsRequest? Request, Dictionary<string, string[]> Errors) Merge(QueueRow current, JsonObject changes)
    {
        var unknown = changes.Select(p => p.Key).Where(k => !Fields.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            return (null, unknown.ToDictionary(k => k, _ => new[] { "Not a setting of a queue." }));
        }
        var merged = JsonSerializer.SerializeToNode(Current(current), JsonSerializerOptions.Web)!.AsObject();
        foreach (var (name, value) in changes)
        {
            merged[Fields.TryGetValue(name, out var known) ? known : name] = value?.DeepClone();
        }
        try
        {
            return (merged.Deserialize<QueueSettingsRequest>(JsonSerializerOptions.Web), []);
        }
        catch (JsonException e)
        {
            var field = e.Path?.TrimStart('$', '.').Split('.', '[')[0] is { Length: > 0 } f ? f : "body";
            return (null, new Dictionary<string, string[]> { [field] = ["Not a valid value."] });
        }
    }

    // The request's fields by their JSON names; a name sent in another case finds its field (as the binder does).
    private static readonly HashSet<string> Fields = typeof(QueueSettingsRequest).GetProperties()
        .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static QueueSettingsRequest Current(QueueRow q)
    {
        var rules = q.Rules;
        return new QueueSettingsRequest(q.Name, q.Strategy, q.ServiceLevelPercent, q.ServiceLevelSeconds, q.WrapUpSeconds,
            [.. rules.RequiredSkills], [.. rules.Relaxation], q.Aging, q.RingAllWidth, q.OfferTimeoutSeconds, q.MaxWaitSeconds, q.MaxLength,
            q.OverflowQueueId, q.WhenNoAgents, q.DefaultHandleSeconds, q.DialledNumbers, q.PauseOnRingNoAnswer,
            q.CallbackMaxAttempts, q.CallbackRetryMinutes, q.AnnounceEverySeconds, q.AnnouncePosition, q.AnnounceWait, q.MusicOnHold,
            q.ShortAbandonSeconds, q.ShortAbandons);
    }
}
