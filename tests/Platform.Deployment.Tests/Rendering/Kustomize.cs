using System.Text;
using System.Text.Json.Nodes;

namespace Platform.Deployment.Tests.Rendering;

/// <summary>
/// Renders a kustomization the way <c>kubectl kustomize</c> does, for the features k8s/ uses and nothing more: resources
/// (files and kustomization folders), namespace, images (newName, newTag, digest), JSON 6902 patches with a target,
/// secret and config map generators from literals without name hashes. Anything else in a kustomization fails loudly, so
/// k8s/ cannot start using a feature this renderer would silently ignore. Where a kubectl with kustomize v5 is on the
/// machine, <see cref="KustomizeTests"/> checks that both render the same objects.
/// </summary>
internal static class Kustomize
{
    private static readonly HashSet<string> Known =
        ["apiVersion", "kind", "namespace", "resources", "images", "patches", "generatorOptions", "secretGenerator", "configMapGenerator"];

    private static readonly HashSet<string> ClusterScoped = ["Namespace", "ClusterRole", "ClusterRoleBinding", "ClusterSecretStore", "StorageClass"];

    public static List<JsonObject> Render(string directory)
    {
        var file = Path.Combine(directory, "kustomization.yaml");
        var kustomization = Yaml.Documents(File.ReadAllText(file)).Single();
        foreach (var (key, _) in kustomization)
        {
            if (!Known.Contains(key))
            {
                throw new NotSupportedException($"{file}: '{key}' is not supported by the test renderer (Rendering/Kustomize.cs)");
            }
        }
        var objects = new List<JsonObject>();
        foreach (var resource in kustomization["resources"]?.AsArray() ?? [])
        {
            var path = Path.GetFullPath(Path.Combine(directory, resource!.GetValue<string>()));
            objects.AddRange(Directory.Exists(path) ? Render(path) : Yaml.Documents(File.ReadAllText(path)));
        }
        objects.AddRange(Generated(kustomization, file));
        foreach (var patch in kustomization["patches"]?.AsArray() ?? [])
        {
            Patch(objects, patch!.AsObject(), file);
        }
        if (kustomization["namespace"]?.GetValue<string>() is { } ns)
        {
            foreach (var o in objects.Where(o => !ClusterScoped.Contains(Kind(o))))
            {
                o["metadata"]!["namespace"] = ns;
            }
        }
        foreach (var image in kustomization["images"]?.AsArray() ?? [])
        {
            SetImage(objects, image!.AsObject());
        }
        return objects;
    }

    public static string Kind(JsonObject o) => o["kind"]!.GetValue<string>();

    public static string Name(JsonObject o) => o["metadata"]!["name"]!.GetValue<string>();

    private static IEnumerable<JsonObject> Generated(JsonObject kustomization, string file)
    {
        var options = kustomization["generatorOptions"]?.AsObject();
        if ((kustomization["secretGenerator"] ?? kustomization["configMapGenerator"]) is not null
            && options?["disableNameSuffixHash"]?.GetValue<bool>() != true)
        {
            throw new NotSupportedException($"{file}: generators need generatorOptions.disableNameSuffixHash: true here");
        }
        foreach (var (generator, kind) in new[] { ("secretGenerator", "Secret"), ("configMapGenerator", "ConfigMap") })
        {
            foreach (var spec in kustomization[generator]?.AsArray() ?? [])
            {
                var data = new JsonObject();
                foreach (var literal in spec!["literals"]!.AsArray())
                {
                    var text = literal!.GetValue<string>();
                    var at = text.IndexOf('=');
                    var value = text[(at + 1)..];
                    data[text[..at]] = kind == "Secret" ? Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) : value;
                }
                var metadata = new JsonObject { ["name"] = spec["name"]!.GetValue<string>() };
                if (options?["labels"] is JsonObject labels)
                {
                    metadata["labels"] = labels.DeepClone();
                }
                var o = new JsonObject { ["apiVersion"] = "v1", ["kind"] = kind, ["metadata"] = metadata, ["data"] = data };
                if (kind == "Secret")
                {
                    o["type"] = spec["type"]?.GetValue<string>() ?? "Opaque";
                }
                yield return o;
            }
        }
    }

    private static void Patch(List<JsonObject> objects, JsonObject patch, string file)
    {
        var target = patch["target"]!.AsObject();
        var kind = target["kind"]?.GetValue<string>();
        var name = target["name"]?.GetValue<string>();
        var operations = Yaml.Documents("ops: " + Indent(patch["patch"]!.GetValue<string>())).Single()["ops"]!.AsArray();
        var matched = objects.Where(o => (kind is null || Kind(o) == kind) && (name is null || Name(o) == name)).ToList();
        if (matched.Count == 0)
        {
            throw new InvalidOperationException($"{file}: a patch's target ({kind} {name}) matches nothing");
        }
        foreach (var o in matched)
        {
            foreach (var operation in operations)
            {
                JsonPatch.Apply(o, operation!.AsObject());
            }
        }
    }

    private static string Indent(string text) => "\n" + string.Join("\n", text.Split('\n').Select(line => "  " + line));

    private static void SetImage(List<JsonObject> objects, JsonObject image)
    {
        var name = image["name"]!.GetValue<string>();
        foreach (var container in objects.SelectMany(Containers))
        {
            var current = container["image"]!.GetValue<string>();
            var (repository, _) = SplitImage(current);
            if (repository != name)
            {
                continue;
            }
            var newName = image["newName"]?.GetValue<string>() ?? repository;
            container["image"] = image["digest"]?.GetValue<string>() is { } digest ? $"{newName}@{digest}"
                : image["newTag"]?.GetValue<string>() is { } tag ? $"{newName}:{tag}"
                : newName + current[repository.Length..];
        }
    }

    public static (string Repository, string? Reference) SplitImage(string image)
    {
        var at = image.IndexOf('@');
        if (at >= 0)
        {
            return (image[..at], image[at..]);
        }
        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? (image[..colon], image[colon..]) : (image, null);
    }

    /// <summary>Every container and init container of a workload (Deployment, StatefulSet, Job, Pod).</summary>
    public static IEnumerable<JsonObject> Containers(JsonObject o)
    {
        var pod = o["spec"]?["template"]?["spec"] ?? (Kind(o) == "Pod" ? o["spec"] : null);
        if (pod is null)
        {
            return [];
        }
        return new[] { "initContainers", "containers" }
            .SelectMany(field => pod[field]?.AsArray() ?? [])
            .Select(c => c!.AsObject());
    }
}
