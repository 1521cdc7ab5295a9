using System.Text.Json.Nodes;

namespace Platform.Deployment.Tests.Schemas;

/// <summary>
/// Every rendered object against its schema: the Kubernetes API's from the npm package kubernetes-models; CloudNativePG's
/// Cluster, the RabbitMQ operator's RabbitmqCluster, KEDA's ScaledObject and TriggerAuthentication and the External Secrets
/// Operator's ExternalSecret (also against @kubernetes-models/keda and /external-secrets) from their CRDs' openAPIV3Schema kept in
/// schema/crds/ (each file's x-source names the repository and commit), made strict as the API server's field validation
/// is: an unknown or misspelt field fails (<see cref="NodePackages"/>, schema/validate.mjs).
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

    /// <summary>The validator itself finds what it must: a mistyped or missing field of each family of schemas.</summary>
    [Fact]
    public void The_validator_refuses_broken_objects_of_each_kind()
    {
        var broken = new JsonArray(
            Broken("Deployment", o => o["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]![0]!["containerPort"] = "http"),
            Broken("ScaledObject", o => o["spec"]!["minReplicaCount"] = "two"),
            Broken("ExternalSecret", o => o["spec"]!["data"]![0]!.AsObject().Remove("remoteRef")),
            Broken("Cluster", o => o["spec"]!["instances"] = 0),
            Broken("RabbitmqCluster", o => o["spec"]!["replicas"] = "three"));
        var (exitCode, output) = Validate(broken);
        Assert.Equal(1, exitCode);
        foreach (var line in new[] { "/spec/template/spec/containers/0/ports/0/containerPort",
                     "ScaledObject queue: /spec/minReplicaCount", "ExternalSecret", "Cluster platform-pg: /spec/instances must be >= 1",
                     "RabbitmqCluster platform-rabbitmq: /spec/replicas must be integer" })
        {
            Assert.Contains(line, output);
        }
    }

    /// <summary>
    /// The CRDs' schemas are closed as the API server's strict field validation is: a misspelt field of an operator's
    /// object (which the API server would drop, or refuse with <c>--validate=strict</c>) fails, at any depth.
    /// </summary>
    [Theory]
    [InlineData("Cluster", "spec/managed/roles/0", "passwordSecrett")]
    [InlineData("Cluster", "spec/bootstrap/initdb", "ownr")]
    [InlineData("Cluster", "metadata", "lables")]
    [InlineData("RabbitmqCluster", "spec/rabbitmq", "additionalConfg")]
    [InlineData("RabbitmqCluster", "spec/override/statefulSet/spec/template/metadata", "lables")]
    [InlineData("ScaledObject", "spec", "minReplicaCont")]
    [InlineData("ScaledObject", "spec/triggers/2", "metdata")]
    [InlineData("TriggerAuthentication", "spec/secretTargetRef/0", "paramter")]
    [InlineData("ExternalSecret", "spec/data/0/remoteRef", "propery")]
    [InlineData("ExternalSecret", "spec/target", "creationPolcy")]
    public void A_misspelt_field_of_an_operator_object_is_refused(string kind, string path, string field)
    {
        var (exitCode, output) = Validate(new JsonArray(Broken(kind, o => At(o, path)[field] = "x")));
        Assert.Equal(1, exitCode);
        Assert.Contains($"/{path}: unknown field \"{field}\"", output);
    }

    /// <summary>A part of a CRD the manifests do not use was not copied: setting it fails until its schema is kept.</summary>
    [Fact]
    public void A_field_whose_schema_was_not_kept_is_refused()
    {
        var (exitCode, output) = Validate(new JsonArray(Broken("Cluster", o => o["spec"]!["backup"] = new JsonObject { ["retentionPolicy"] = "30d" })));
        Assert.Equal(1, exitCode);
        Assert.Contains("/spec/backup: set, but its schema was not kept in crds/", output);
    }

    private static JsonObject Broken(string kind, Action<JsonObject> breakIt)
    {
        var copy = Repository.Render("prod").First(o => Rendering.Kustomize.Kind(o) == kind).DeepClone().AsObject();
        breakIt(copy);
        return copy;
    }

    private static JsonObject At(JsonObject o, string path) =>
        path.Split('/').Aggregate((JsonNode)o, (node, step) => int.TryParse(step, out var i) ? node[i]! : node[step]!).AsObject();

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
