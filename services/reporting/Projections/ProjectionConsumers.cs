using System.Collections.Frozen;

namespace Platform.Reporting.Projections;

/// <summary>Which consumer counts each message type (its inbox rows carry that consumer's name), for replays of parked events.</summary>
internal static class ProjectionConsumers
{
    private static readonly FrozenDictionary<string, string> ByMessageType = typeof(ProjectionConsumers).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(ProjectionConsumer<>))
        .ToFrozenDictionary(t => t.BaseType!.GetGenericArguments()[0].FullName!, t => t.FullName!);

    public static string? For(string messageType) => ByMessageType.GetValueOrDefault(messageType);
}
