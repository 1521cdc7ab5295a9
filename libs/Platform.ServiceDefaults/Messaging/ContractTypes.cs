using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Contracts;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// Maps outbox rows back to message types. Only types of the contracts assembly are allowed: a row can
/// never make the relay load an arbitrary type.
/// </summary>
internal static class ContractTypes
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly FrozenDictionary<string, Type> ByName = typeof(ITenantEvent).Assembly.GetExportedTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(ITenantEvent).IsAssignableFrom(type))
        .ToFrozenDictionary(NameOf);

    public static string NameOf(Type type) => type.FullName ?? type.Name;

    public static Type Resolve(string name) =>
        ByName.TryGetValue(name, out var type)
            ? type
            : throw new InvalidOperationException($"'{name}' is not a message contract of Platform.Contracts.");
}
