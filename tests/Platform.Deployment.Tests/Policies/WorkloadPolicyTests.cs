using System.Text.Json.Nodes;
using Platform.Deployment.Tests.Rendering;

namespace Platform.Deployment.Tests.Policies;

/// <summary>What every Deployment of the platform must be, in every overlay: probes on the right endpoints, requests and
/// limits, non-root and read-only, graceful shutdown, a disruption budget, spread, a Service, migrations as the owner.</summary>
public sealed class WorkloadPolicyTests
{
    public static TheoryData<string, string> Each
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var overlay in Repository.Overlays)
            {
                foreach (var (name, _) in Repository.Workloads)
                {
                    data.Add(overlay, name);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Each))]
    public void Probes_watch_the_health_endpoints(string overlay, string name)
    {
        var main = Workloads.MainContainer(new Workloads(Repository.Render(overlay)).Deployment(name));
        Assert.Equal("/health/live", main["startupProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal("/health/live", main["livenessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        // /health/serving, not /health/ready: a broker outage must not take the API out of rotation (docs/architecture.md).
        Assert.Equal("/health/serving", main["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.All(new[] { "startupProbe", "livenessProbe", "readinessProbe" },
            probe => Assert.Equal("http", main[probe]!["httpGet"]!["port"]!.GetValue<string>()));
        Assert.Contains(main["ports"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "http" && p["containerPort"]!.GetValue<long>() == 8080);
    }

    [Theory]
    [MemberData(nameof(Each))]
    public void Every_container_has_requests_and_limits_and_runs_unprivileged_on_a_read_only_root(string overlay, string name)
    {
        var deployment = new Workloads(Repository.Render(overlay)).Deployment(name);
        var pod = Workloads.Pod(deployment);
        Assert.True(pod["securityContext"]!["runAsNonRoot"]!.GetValue<bool>());
        Assert.NotEqual(0, pod["securityContext"]!["runAsUser"]!.GetValue<long>());
        Assert.Equal("RuntimeDefault", pod["securityContext"]!["seccompProfile"]!["type"]!.GetValue<string>());
        var tmp = pod["volumes"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == "tmp")!;
        Assert.NotNull(tmp["emptyDir"]);
        foreach (var container in Kustomize.Containers(deployment))
        {
            var id = $"{name}/{container["name"]}";
            foreach (var kind in new[] { "requests", "limits" })
            {
                Assert.True(container["resources"]?[kind]?["cpu"] is not null && container["resources"]?[kind]?["memory"] is not null, $"{id}: {kind} of cpu and memory");
            }
            var security = container["securityContext"]!;
            Assert.False(security["allowPrivilegeEscalation"]!.GetValue<bool>(), id);
            Assert.True(security["readOnlyRootFilesystem"]!.GetValue<bool>(), id);
            Assert.Contains("ALL", security["capabilities"]!["drop"]!.AsArray().Select(c => c!.GetValue<string>()));
            Assert.Contains(container["volumeMounts"]!.AsArray(), m => m!["name"]!.GetValue<string>() == "tmp" && m["mountPath"]!.GetValue<string>() == "/tmp");
        }
    }

    [Theory]
    [MemberData(nameof(Each))]
    public void Shutdown_is_graceful_within_the_grace_period(string overlay, string name)
    {
        var objects = Repository.Render(overlay);
        var deployment = new Workloads(objects).Deployment(name);
        var main = Workloads.MainContainer(deployment);
        var preStop = main["lifecycle"]!["preStop"]!["exec"]!["command"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray();
        Assert.Equal("sleep", preStop[0]);
        var environment = ContainerEnvironment.Resolve(objects, main, (_, _) => "x");
        var shutdown = int.Parse(environment["DOTNET_SHUTDOWNTIMEOUTSECONDS"]);
        var grace = Workloads.Pod(deployment)["terminationGracePeriodSeconds"]!.GetValue<long>();
        Assert.True(grace > int.Parse(preStop[1]) + shutdown, $"{name}: grace {grace} s <= preStop {preStop[1]} s + shutdown {shutdown} s");
        Assert.Equal(0, deployment["spec"]!["strategy"]!["rollingUpdate"]!["maxUnavailable"]!.GetValue<long>());
    }

    [Theory]
    [MemberData(nameof(Each))]
    public void Each_workload_has_a_disruption_budget_a_spread_and_a_service(string overlay, string name)
    {
        var workloads = new Workloads(Repository.Render(overlay));
        var deployment = workloads.Deployment(name);
        var labels = Workloads.PodLabels(deployment);
        Assert.Single(workloads.OfKind("PodDisruptionBudget"), p => Workloads.Selects(p["spec"]!["selector"], labels));
        var spread = Workloads.Pod(deployment)["topologySpreadConstraints"]!.AsArray();
        Assert.Contains(spread, s => s!["topologyKey"]!.GetValue<string>() == "topology.kubernetes.io/zone" && Workloads.Selects(s["labelSelector"], labels));
        Assert.Contains(spread, s => s!["topologyKey"]!.GetValue<string>() == "kubernetes.io/hostname" && Workloads.Selects(s["labelSelector"], labels));
        var service = workloads.OfKind("Service").Single(s => Kustomize.Name(s) == name);
        Assert.True(Workloads.Selects(new JsonObject { ["matchLabels"] = service["spec"]!["selector"]!.DeepClone() }, labels));
    }

    [Theory]
    [MemberData(nameof(Each))]
    public void Migrations_run_first_as_the_owner_and_the_service_as_its_own_role(string overlay, string name)
    {
        var objects = Repository.Render(overlay);
        var deployment = new Workloads(objects).Deployment(name);
        var main = Workloads.MainContainer(deployment);
        var migrate = Workloads.Migrate(deployment);
        Assert.Equal(["migrate"], migrate["args"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(main["image"]!.GetValue<string>(), migrate["image"]!.GetValue<string>());
        string SecretsOf(JsonObject c) => string.Join(",", (c["env"]?.AsArray() ?? []).Select(e => e!["valueFrom"]?["secretKeyRef"]?["name"]?.GetValue<string>()).OfType<string>());
        Assert.Contains("platform-db-owner", SecretsOf(migrate));
        Assert.DoesNotContain("platform-db-owner", SecretsOf(main));
        var values = new Dictionary<(string, string), string>();
        string Fill(string secret, string key) => values.TryGetValue((secret, key), out var v) ? v : values[(secret, key)] = $"{secret}-{key}-{values.Count}";
        var mainEnvironment = ContainerEnvironment.Resolve(objects, main, Fill);
        var migrateEnvironment = ContainerEnvironment.Resolve(objects, migrate, Fill);
        Assert.DoesNotContain("Password", mainEnvironment["ConnectionStrings__postgres"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"Password={Fill("platform-db-owner", "password")}", migrateEnvironment["ConnectionStrings__postgres"]);
        // Its own role's password, the same one the migrations give the role.
        Assert.Equal(Fill($"platform-{name}-db", "password"), mainEnvironment["Database__AppPassword"]);
        Assert.Equal(mainEnvironment["Database__AppPassword"], migrateEnvironment["Database__AppPassword"]);
        // And its cross-tenant role's (outbox relay, system tasks): another password, in both containers.
        Assert.Equal(Fill($"platform-{name}-db", "systemPassword"), mainEnvironment["Database__SystemPassword"]);
        Assert.Equal(mainEnvironment["Database__SystemPassword"], migrateEnvironment["Database__SystemPassword"]);
        Assert.Equal("false", mainEnvironment["Database__MigrateOnStartup"]);
    }

    [Theory]
    [MemberData(nameof(Each))]
    public void Images_come_from_the_one_list_with_a_tag_or_digest(string overlay, string name)
    {
        var deployment = new Workloads(Repository.Render(overlay)).Deployment(name);
        var listed = Yaml.Documents(File.ReadAllText(Path.Combine(Repository.Root, "k8s", "base", "kustomization.yaml"))).Single()["images"]!
            .AsArray().Single(i => i!["name"]!.GetValue<string>() == $"callcenter/{name}")!;
        foreach (var container in Kustomize.Containers(deployment))
        {
            var (repository, reference) = Kustomize.SplitImage(container["image"]!.GetValue<string>());
            Assert.Equal(listed["newName"]!.GetValue<string>(), repository);
            Assert.NotNull(reference);
            Assert.NotEqual(":latest", reference);
        }
    }

    [Theory]
    [MemberData(nameof(OverlaysData))]
    public void Every_secret_a_pod_reads_is_made_by_the_overlay_and_prod_commits_no_values(string overlay)
    {
        var objects = Repository.Render(overlay);
        var made = ContainerEnvironment.SecretKeys(objects);
        foreach (var workload in objects.Where(o => Kustomize.Kind(o) is "Deployment" or "StatefulSet"))
        {
            foreach (var container in Kustomize.Containers(workload))
            {
                // Throws, naming the variable, for a key no Secret of the overlay holds (optional ones excepted).
                ContainerEnvironment.Resolve(objects, container, (secret, key) => made.GetValueOrDefault(secret)?.Contains(key) == true ? "x" : null);
            }
        }
        if (overlay == "prod")
        {
            Assert.DoesNotContain(objects, o => Kustomize.Kind(o) == "Secret");
            Assert.All(objects.Where(o => Kustomize.Kind(o) == "ConfigMap").SelectMany(o => o["data"]!.AsObject()),
                kv => Assert.DoesNotContain("password", kv.Value!.GetValue<string>(), StringComparison.OrdinalIgnoreCase));
        }
        else
        {
            // Published dev values are marked so that Production refuses them.
            Assert.All(objects.Where(o => Kustomize.Kind(o) == "Secret").SelectMany(o => o["data"]!.AsObject()).Where(kv => kv.Key is not "username"),
                kv => Assert.StartsWith("dev-only-", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(kv.Value!.GetValue<string>()))));
        }
    }

    public static TheoryData<string> OverlaysData => new(Repository.Overlays);
}
