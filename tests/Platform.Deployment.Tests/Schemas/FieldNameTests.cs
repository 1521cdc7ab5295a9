using System.Text.Json.Nodes;
using k8s;
using Platform.Deployment.Tests.Rendering;

namespace Platform.Deployment.Tests.Schemas;

/// <summary>
/// The JSON schemas of kubernetes-models check types and required fields but let unknown fields through; the API server
/// would drop or refuse them. Every object of a Kubernetes API kind is read here with KubernetesClient's typed models in
/// strict mode, which fails on any field name the API does not have (a misspelt <c>imagee</c>, <c>readinesProbe</c>).
/// </summary>
public sealed class FieldNameTests
{
    public static TheoryData<string> Overlays => new(Repository.Overlays);

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_field_of_every_kubernetes_object_is_a_field_of_its_kind(string overlay)
    {
        var core = Repository.Render(overlay).Where(IsKubernetesKind).ToList();
        Assert.Contains(core, o => Kustomize.Kind(o) == "Deployment");
        foreach (var o in core)
        {
            var exception = Record.Exception(() => Read(o));
            Assert.True(exception is null, $"{Kustomize.Kind(o)} {Kustomize.Name(o)}: {exception?.Message}");
        }
    }

    [Fact]
    public void A_misspelt_field_is_found()
    {
        var deployment = Repository.Render("prod").First(o => Kustomize.Kind(o) == "Deployment").DeepClone().AsObject();
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["readinesProbe"] = new JsonObject();
        Assert.ThrowsAny<Exception>(() => Read(deployment));
    }

    private static bool IsKubernetesKind(JsonObject o) =>
        o["apiVersion"]!.GetValue<string>() is "v1" or "apps/v1" or "policy/v1" or "networking.k8s.io/v1" or "autoscaling/v2" or "batch/v1";

    private static object Read(JsonObject o) => KubernetesYaml.LoadAllFromString(o.ToJsonString(), strict: true).Single();
}
