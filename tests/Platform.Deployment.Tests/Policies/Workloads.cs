using System.Text.Json.Nodes;
using Platform.Deployment.Tests.Rendering;

namespace Platform.Deployment.Tests.Policies;

/// <summary>The rendered objects of one overlay, looked up the way the policy tests ask.</summary>
internal sealed class Workloads(IReadOnlyList<JsonObject> objects)
{
    public IReadOnlyList<JsonObject> Objects { get; } = objects;

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => Kustomize.Kind(o) == kind);

    public JsonObject Deployment(string name) => OfKind("Deployment").Single(o => Kustomize.Name(o) == name);

    public static JsonObject Pod(JsonObject workload) => workload["spec"]!["template"]!["spec"]!.AsObject();

    public static JsonObject PodLabels(JsonObject workload) => workload["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();

    public static JsonObject MainContainer(JsonObject workload) =>
        Pod(workload)["containers"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == Kustomize.Name(workload))!.AsObject();

    public static JsonObject Migrate(JsonObject workload) =>
        Pod(workload)["initContainers"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "migrate")!.AsObject();

    /// <summary>Whether a label selector (matchLabels and matchExpressions In/NotIn/Exists) selects these labels.</summary>
    public static bool Selects(JsonNode? selector, JsonObject labels)
    {
        if (selector is null)
        {
            return false;
        }
        foreach (var (key, value) in selector["matchLabels"]?.AsObject() ?? [])
        {
            if (labels[key]?.GetValue<string>() != value!.GetValue<string>())
            {
                return false;
            }
        }
        foreach (var expression in selector["matchExpressions"]?.AsArray() ?? [])
        {
            var key = expression!["key"]!.GetValue<string>();
            var values = expression["values"]?.AsArray().Select(v => v!.GetValue<string>()).ToHashSet() ?? [];
            var has = labels[key]?.GetValue<string>();
            var ok = expression["operator"]!.GetValue<string>() switch
            {
                "In" => has is not null && values.Contains(has),
                "NotIn" => has is null || !values.Contains(has),
                "Exists" => has is not null,
                "DoesNotExist" => has is null,
                var op => throw new InvalidOperationException(op),
            };
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The NetworkPolicies that select the workload's pods.</summary>
    public IEnumerable<JsonObject> PoliciesOf(JsonObject workload) =>
        OfKind("NetworkPolicy").Where(p => Selects(p["spec"]!["podSelector"], PodLabels(workload)));
}
