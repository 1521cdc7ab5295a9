using System.Text.Json.Nodes;

namespace Platform.Deployment.Tests.Rendering;

public sealed class KustomizeTests
{
    public static TheoryData<string> Overlays => new(Repository.Overlays);

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Overlay_renders_with_unique_objects_in_one_namespace(string overlay)
    {
        var objects = Repository.Render(overlay);
        Assert.NotEmpty(objects);
        var duplicates = objects.GroupBy(Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        var namespaces = objects.Where(o => Kustomize.Kind(o) != "Namespace").Select(o => o["metadata"]!["namespace"]?.GetValue<string>()).Distinct();
        Assert.Equal(["callcenter"], namespaces);
    }

    /// <summary>
    /// The renderer of these tests against the real one: kustomize v5.7 inside kubectl 1.35, from the npm package that
    /// ships it (<see cref="Schemas.NodePackages"/>), so this runs on a fresh machine too (Debian's kubectl is 1.20).
    /// </summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void Renderer_agrees_with_kubectl_kustomize(string overlay)
    {
        var theirs = Yaml.Documents(Schemas.NodePackages.Kustomize(Repository.OverlayPath(overlay))).ToDictionary(Id, Normalized);
        var ours = Repository.Render(overlay).ToDictionary(Id, Normalized);
        Assert.Equal(theirs.Keys.Order(), ours.Keys.Order());
        foreach (var (id, expected) in theirs)
        {
            Assert.True(JsonNode.DeepEquals(expected, ours[id]), $"{id} differs:\nkubectl: {expected.ToJsonString()}\nours:    {ours[id].ToJsonString()}");
        }
    }

    [Fact]
    public void The_packaged_kubectl_carries_kustomize_v5()
    {
        var (exitCode, output) = Schemas.NodePackages.Run(Schemas.NodePackages.Kubectl, "version", "--client");
        Assert.Equal(0, exitCode);
        Assert.Contains("Kustomize Version: v5.", output);
    }

    private static string Id(JsonObject o) => $"{o["apiVersion"]} {Kustomize.Kind(o)} {Kustomize.Name(o)}";

    /// <summary>kubectl wraps a Secret's base64 at 76 characters; the API server reads both.</summary>
    private static JsonObject Normalized(JsonObject o)
    {
        var copy = o.DeepClone().AsObject();
        if (Kustomize.Kind(copy) == "Secret" && copy["data"] is JsonObject data)
        {
            foreach (var key in data.Select(kv => kv.Key).ToList())
            {
                data[key] = data[key]!.GetValue<string>().Replace("\n", "");
            }
        }
        return copy;
    }
}
