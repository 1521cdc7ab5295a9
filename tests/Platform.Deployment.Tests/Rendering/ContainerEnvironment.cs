using System.Text;
using System.Text.Json.Nodes;

namespace Platform.Deployment.Tests.Rendering;

/// <summary>A container's environment as the kubelet builds it: envFrom first, then env in order, $(VAR) expanded from what came before.</summary>
internal static class ContainerEnvironment
{
    /// <param name="secret">The value of a Secret's key (the secret name, the key), or null when the Secret does not hold it.</param>
    public static Dictionary<string, string> Resolve(IReadOnlyList<JsonObject> objects, JsonObject container, Func<string, string, string?> secret)
    {
        var environment = new Dictionary<string, string>();
        foreach (var source in container["envFrom"]?.AsArray() ?? [])
        {
            var name = source!["configMapRef"]?["name"]?.GetValue<string>()
                ?? throw new InvalidOperationException("only envFrom.configMapRef is used by k8s/");
            foreach (var (key, value) in ConfigMap(objects, name))
            {
                environment[key] = value;
            }
        }
        foreach (var variable in container["env"]?.AsArray() ?? [])
        {
            var name = variable!["name"]!.GetValue<string>();
            if (variable["value"] is { } value)
            {
                environment[name] = Expand(value.GetValue<string>(), environment);
                continue;
            }
            var from = variable["valueFrom"]!;
            if (from["secretKeyRef"] is { } secretRef)
            {
                var found = secret(secretRef["name"]!.GetValue<string>(), secretRef["key"]!.GetValue<string>());
                if (found is not null)
                {
                    environment[name] = found;
                }
                else if (secretRef["optional"]?.GetValue<bool>() != true)
                {
                    throw new InvalidOperationException($"{name}: Secret {secretRef["name"]} has no key {secretRef["key"]}");
                }
            }
            else if (from["configMapKeyRef"] is { } mapRef)
            {
                environment[name] = ConfigMap(objects, mapRef["name"]!.GetValue<string>())[mapRef["key"]!.GetValue<string>()];
            }
            else
            {
                throw new InvalidOperationException($"{name}: only secretKeyRef and configMapKeyRef are used by k8s/");
            }
        }
        return environment;
    }

    public static Dictionary<string, string> ConfigMap(IReadOnlyList<JsonObject> objects, string name) =>
        objects.Single(o => Kustomize.Kind(o) == "ConfigMap" && Kustomize.Name(o) == name)["data"]!.AsObject()
            .ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>());

    /// <summary>Kubernetes' rule: $(NAME) of a variable defined before is replaced, $$ is a literal $, anything else stays.</summary>
    public static string Expand(string value, IReadOnlyDictionary<string, string> defined)
    {
        var result = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '$')
            {
                result.Append('$');
                i++;
            }
            else if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '(' && value.IndexOf(')', i) is var end and > 0
                && defined.TryGetValue(value[(i + 2)..end], out var replacement))
            {
                result.Append(replacement);
                i = end;
            }
            else
            {
                result.Append(value[i]);
            }
        }
        return result.ToString();
    }

    /// <summary>The keys of the Secret an ExternalSecret makes: its template's data keys, or else its data's secret keys.</summary>
    public static IEnumerable<string> ExternalSecretKeys(JsonObject externalSecret)
    {
        var spec = externalSecret["spec"]!;
        return spec["target"]?["template"]?["data"] is JsonObject template
            ? template.Select(kv => kv.Key)
            : spec["data"]!.AsArray().Select(d => d!["secretKey"]!.GetValue<string>());
    }

    /// <summary>Which Secrets the overlay makes and with which keys: rendered Secrets (dev) or ExternalSecrets' targets (prod).</summary>
    public static Dictionary<string, HashSet<string>> SecretKeys(IReadOnlyList<JsonObject> objects)
    {
        var keys = new Dictionary<string, HashSet<string>>();
        foreach (var o in objects)
        {
            switch (Kustomize.Kind(o))
            {
                case "Secret":
                    keys[Kustomize.Name(o)] = [.. (o["data"]?.AsObject() ?? []).Select(kv => kv.Key), .. (o["stringData"]?.AsObject() ?? []).Select(kv => kv.Key)];
                    break;
                case "ExternalSecret":
                    keys[o["spec"]!["target"]?["name"]?.GetValue<string>() ?? Kustomize.Name(o)] = [.. ExternalSecretKeys(o)];
                    break;
            }
        }
        return keys;
    }
}
