using System.Text.Json.Nodes;

namespace Platform.Deployment.Tests.Rendering;

/// <summary>RFC 6902 add, replace and remove on JSON nodes (the operations the overlays use).</summary>
internal static class JsonPatch
{
    public static void Apply(JsonObject document, JsonObject operation)
    {
        var op = operation["op"]!.GetValue<string>();
        var path = operation["path"]!.GetValue<string>().Split('/').Skip(1).Select(p => p.Replace("~1", "/").Replace("~0", "~")).ToArray();
        var parent = path[..^1].Aggregate((JsonNode)document, (node, part) => node is JsonArray array ? array[int.Parse(part)]! : node[part]
            ?? throw new InvalidOperationException($"patch path {operation["path"]}: '{part}' does not exist"));
        var last = path[^1];
        var value = operation["value"]?.DeepClone();
        switch (op, parent)
        {
            case ("remove", JsonObject o) when o.ContainsKey(last):
                o.Remove(last);
                break;
            case ("remove", JsonArray a):
                a.RemoveAt(int.Parse(last));
                break;
            case ("replace", JsonObject o) when o.ContainsKey(last):
                o[last] = value;
                break;
            case ("replace", JsonArray a):
                a[int.Parse(last)] = value;
                break;
            case ("add", JsonObject o):
                o[last] = value;
                break;
            case ("add", JsonArray a):
                if (last == "-")
                {
                    a.Add(value);
                }
                else
                {
                    a.Insert(int.Parse(last), value);
                }
                break;
            default:
                throw new InvalidOperationException($"patch {op} {operation["path"]}: the path does not exist");
        }
    }
}
