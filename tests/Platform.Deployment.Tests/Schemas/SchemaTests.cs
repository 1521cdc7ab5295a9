using System.Text.Json.Nodes;

namespace Platform.Deployment.Tests.Schemas;

/// <summary>
/// Every rendered object against its schema: the Kubernetes API's, KEDA's and External Secrets' from the npm packages
/// kubernetes-models, @kubernetes-models/keda and @kubernetes-models/external-secrets; CloudNativePG's Cluster and the
/// RabbitMQ operator's RabbitmqCluster from their CRD schemas kept in schema/crds/ (<see cref="NodePackages"/>).
/// </summary>
public sealed class SchemaTests
{
    public static TheoryData<string> Overlays => new(Repository.Overlays);

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_object_of_the_overlay_matches_its_schema(string overlay)
    {
        var (exitCode, output) = Validate(new JsonArray(Repository.Render(overlay).Select(o => (JsonNode)o.DeepClone()).ToArray()));
        Assert.True(exitCode == 0, $"{overlay}:\n{output}");
        Assert.Contains($"{Repository.Render(overlay).Count} objects, 0 problems", output);
    }

    [Fact]
    public void The_operators_jobs_match_their_schema()
    {
        var jobs = Directory.GetFiles(Path.Combine(Repository.Root, "k8s", "jobs"), "*.yaml")
            .SelectMany(f => Rendering.Yaml.Documents(File.ReadAllText(f))).ToList();
        Assert.NotEmpty(jobs);
        var (exitCode, output) = Validate(new JsonArray(jobs.Select(j => (JsonNode)j).ToArray()));
        Assert.True(exitCode == 0, output);
    }

    /// <summary>The validator itself finds what it must: a mistyped field of each family of schemas.</summary>
    [Fact]
    public void The_validator_refuses_broken_objects_of_each_kind()
    {
        var prod = Repository.Render("prod");
        JsonObject Broken(string kind, Action<JsonObject> breakIt)
        {
            var copy = prod.First(o => Rendering.Kustomize.Kind(o) == kind).DeepClone().AsObject();
            breakIt(copy);
            return copy;
        }
        var broken = new JsonArray(
            Broken("Deployment", o => o["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]![0]!["containerPort"] = "http"),
            Broken("ScaledObject", o => o["spec"]!["minReplicaCount"] = "two"),
            Broken("ExternalSecret", o => o["spec"]!["data"]![0]!.AsObject().Remove("remoteRef")),
            Broken("Cluster", o => o["spec"]!["instancess"] = 3),
            Broken("RabbitmqCluster", o => o["spec"]!["replicas"] = "three"));
        var (exitCode, output) = Validate(broken);
        Assert.Equal(1, exitCode);
        Assert.Contains("5 objects, 5 problems", output);
    }

    private static (int ExitCode, string Output) Validate(JsonArray objects)
    {
        NodePackages.EnsureInstalled();
        var input = Path.Combine(Path.GetTempPath(), $"k8s-objects-{Guid.NewGuid():N}.json");
        File.WriteAllText(input, objects.ToJsonString());
        try
        {
            return NodePackages.Run("node", "validate.mjs", input);
        }
        finally
        {
            File.Delete(input);
        }
    }
}
