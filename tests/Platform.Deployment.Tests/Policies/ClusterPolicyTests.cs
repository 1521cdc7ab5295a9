using System.Text.Json.Nodes;
using Platform.Deployment.Tests.Rendering;

namespace Platform.Deployment.Tests.Policies;

/// <summary>Network policies, the way in, autoscaling and the data tier.</summary>
public sealed class ClusterPolicyTests
{
    private static readonly string[] Services = ["clients", "queue", "scripts", "reporting"];

    public static TheoryData<string> Overlays => new(Repository.Overlays);

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Everything_is_denied_unless_a_policy_allows_it(string overlay)
    {
        var workloads = new Workloads(Repository.Render(overlay));
        Assert.Contains(workloads.OfKind("NetworkPolicy"), p =>
            p["spec"]!["podSelector"]!.AsObject().Count == 0 && p["spec"]!["ingress"] is null && p["spec"]!["egress"] is null
            && p["spec"]!["policyTypes"]!.AsArray().Select(t => t!.GetValue<string>()).Order().SequenceEqual(["Egress", "Ingress"]));
        foreach (var workload in workloads.OfKind("Deployment").Concat(workloads.OfKind("StatefulSet")))
        {
            var named = workloads.PoliciesOf(workload).Where(p => p["spec"]!["podSelector"]!.AsObject().Count > 0).ToList();
            Assert.True(named.Count > 0, $"{Kustomize.Name(workload)}: no NetworkPolicy of its own");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Only_the_gateway_is_reachable_from_outside_and_services_reach_only_their_database_and_the_broker(string overlay)
    {
        var workloads = new Workloads(Repository.Render(overlay));
        var gatewayLabels = Workloads.PodLabels(workloads.Deployment("gateway"));
        foreach (var name in Services)
        {
            var policies = workloads.PoliciesOf(workloads.Deployment(name)).ToList();
            var from = policies.SelectMany(p => p["spec"]!["ingress"]?.AsArray() ?? []).SelectMany(r => r!["from"]!.AsArray()).ToList();
            Assert.All(from, peer => Assert.True(
                (peer!["podSelector"] is { } pods && peer["namespaceSelector"] is null && Workloads.Selects(pods, gatewayLabels))
                || (peer["namespaceSelector"]?["matchLabels"]?["kubernetes.io/metadata.name"]?.GetValue<string>() == "monitoring"
                    && peer["podSelector"]?["matchLabels"]?["app.kubernetes.io/name"]?.GetValue<string>() == "prometheus"),
                $"{name}: ingress from {peer.ToJsonString()}"));
            var egress = policies.SelectMany(p => p["spec"]!["egress"]?.AsArray() ?? []).ToList();
            var allowed = egress.Select(rule => (
                To: rule!["to"]?.AsArray().Select(peer => peer!["podSelector"]?["matchLabels"]?["callcenter.io/tier"]?.GetValue<string>()
                    ?? peer["namespaceSelector"]?["matchLabels"]?["kubernetes.io/metadata.name"]?.GetValue<string>()).ToArray(),
                Ports: string.Join(",", rule["ports"]?.AsArray().Select(p => p!["port"]!.GetValue<long>()) ?? []))).ToList();
            Assert.All(allowed, a => Assert.True(a.To is not null, $"{name}: an egress rule to anywhere"));
            Assert.Equal(
                new[] { "broker:5672", "database:5432", "kube-system:53,53" },
                allowed.SelectMany(a => a.To!.Select(t => $"{t}:{a.Ports}")).Order().ToArray());
        }
        // Outside the namespace, only the ingress controller's namespace reaches the gateway (and the scraper everyone).
        var fromOutside = workloads.OfKind("NetworkPolicy")
            .SelectMany(p => (p["spec"]!["ingress"]?.AsArray() ?? []).SelectMany(r => r!["from"]!.AsArray())
                .Select(peer => (Policy: p, Namespace: peer!["namespaceSelector"]?["matchLabels"]?["kubernetes.io/metadata.name"]?.GetValue<string>())))
            .Where(x => x.Namespace == "ingress-nginx").ToList();
        Assert.NotEmpty(fromOutside);
        Assert.All(fromOutside, x => Assert.True(Workloads.Selects(x.Policy["spec"]!["podSelector"], gatewayLabels)
            && !Services.Any(s => Workloads.Selects(x.Policy["spec"]!["podSelector"], Workloads.PodLabels(workloads.Deployment(s))))));
        Assert.DoesNotContain(workloads.OfKind("Service"), s => s["spec"]!["type"]?.GetValue<string>() is "LoadBalancer" or "NodePort");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_gateway_alone_has_an_ingress_with_tls(string overlay)
    {
        var ingress = Assert.Single(new Workloads(Repository.Render(overlay)).OfKind("Ingress"));
        var tls = Assert.Single(ingress["spec"]!["tls"]!.AsArray())!;
        var rule = Assert.Single(ingress["spec"]!["rules"]!.AsArray())!;
        Assert.Equal(rule["host"]!.GetValue<string>(), Assert.Single(tls["hosts"]!.AsArray())!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(tls["secretName"]?.GetValue<string>()));
        Assert.All(rule["http"]!["paths"]!.AsArray(), p => Assert.Equal("gateway", p!["backend"]!["service"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void Prod_scales_each_service_by_one_autoscaler_and_pre_scales_the_consumers_for_campaign_hours()
    {
        var workloads = new Workloads(Repository.Render("prod"));
        var targets = workloads.OfKind("HorizontalPodAutoscaler").Select(h => (Kind: "hpa", Name: h["spec"]!["scaleTargetRef"]!["name"]!.GetValue<string>(), Object: h))
            .Concat(workloads.OfKind("ScaledObject").Select(s => (Kind: "keda", Name: s["spec"]!["scaleTargetRef"]!["name"]!.GetValue<string>(), Object: s)))
            .ToList();
        Assert.Equal(Repository.Workloads.Select(w => w.Name).Order(), targets.Select(t => t.Name).Order()); // one each, none twice
        foreach (var name in new[] { "gateway", "clients", "scripts" })
        {
            var hpa = targets.Single(t => t.Name == name);
            Assert.Equal("hpa", hpa.Kind);
            Assert.Equal("cpu", hpa.Object["spec"]!["metrics"]![0]!["resource"]!["name"]!.GetValue<string>());
        }
        foreach (var name in new[] { "queue", "reporting" })
        {
            var scaled = targets.Single(t => t.Name == name);
            Assert.Equal("keda", scaled.Kind);
            var triggers = scaled.Object["spec"]!["triggers"]!.AsArray();
            Assert.Equal(["cpu", "cron", "rabbitmq"], triggers.Select(t => t!["type"]!.GetValue<string>()).Order());
            var rabbit = triggers.Single(t => t!["type"]!.GetValue<string>() == "rabbitmq")!;
            Assert.Matches(rabbit["metadata"]!["queueName"]!.GetValue<string>(), $"{name}-call-queued");
            Assert.DoesNotMatch(rabbit["metadata"]!["queueName"]!.GetValue<string>(), $"{name}-call-queued_error");
            // The HPA KEDA makes for it scales on CPU as the others' do, and the cron trigger holds a campaign's minimum.
            var cpu = triggers.Single(t => t!["type"]!.GetValue<string>() == "cpu")!;
            Assert.Equal("Utilization", cpu["metricType"]!.GetValue<string>());
            Assert.InRange(int.Parse(cpu["metadata"]!["value"]!.GetValue<string>()), 1, 100);
            var cron = triggers.Single(t => t!["type"]!.GetValue<string>() == "cron")!["metadata"]!;
            Assert.All(new[] { "timezone", "start", "end" }, key => Assert.False(string.IsNullOrEmpty(cron[key]?.GetValue<string>()), $"{name}: cron {key}"));
            Assert.InRange(int.Parse(cron["desiredReplicas"]!.GetValue<string>()),
                scaled.Object["spec"]!["minReplicaCount"]!.GetValue<long>() + 1, scaled.Object["spec"]!["maxReplicaCount"]!.GetValue<long>());
            var auth = rabbit["authenticationRef"]!["name"]!.GetValue<string>();
            Assert.Contains(workloads.OfKind("TriggerAuthentication"), a => Kustomize.Name(a) == auth);
        }
        // The autoscalers own the replica counts.
        Assert.All(workloads.OfKind("Deployment"), d => Assert.Null(d["spec"]!["replicas"]));
    }

    [Fact]
    public void Dev_runs_one_replica_each_with_its_own_database_and_broker()
    {
        var workloads = new Workloads(Repository.Render("dev"));
        Assert.All(workloads.OfKind("Deployment"), d => Assert.Equal(1, d["spec"]!["replicas"]!.GetValue<long>()));
        Assert.Empty(workloads.OfKind("ScaledObject"));
        var config = ContainerEnvironment.ConfigMap(workloads.Objects, "platform-config");
        foreach (var (host, tier) in new[] { (config["DATABASE_HOST"], "database"), (config["BROKER_HOST"], "broker") })
        {
            var service = workloads.OfKind("Service").Single(s => Kustomize.Name(s) == host);
            var set = workloads.OfKind("StatefulSet").Single(s => Workloads.Selects(new JsonObject { ["matchLabels"] = service["spec"]!["selector"]!.DeepClone() }, Workloads.PodLabels(s)));
            Assert.Equal(tier, Workloads.PodLabels(set)["callcenter.io/tier"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Prod_runs_postgresql_and_rabbitmq_on_three_nodes_with_quorum_queues()
    {
        var workloads = new Workloads(Repository.Render("prod"));
        var config = ContainerEnvironment.ConfigMap(workloads.Objects, "platform-config");
        var postgres = Assert.Single(workloads.OfKind("Cluster"));
        Assert.Equal(3, postgres["spec"]!["instances"]!.GetValue<long>());
        Assert.Equal(config["DATABASE_HOST"], $"{Kustomize.Name(postgres)}-rw");
        Assert.Equal("database", postgres["spec"]!["inheritedMetadata"]!["labels"]!["callcenter.io/tier"]!.GetValue<string>());
        var owner = postgres["spec"]!["managed"]!["roles"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == config["DATABASE_OWNER"])!;
        Assert.True(owner["createdb"]!.GetValue<bool>() && owner["createrole"]!.GetValue<bool>());
        Assert.Null(owner["superuser"]);
        var rabbit = Assert.Single(workloads.OfKind("RabbitmqCluster"));
        Assert.Equal(3, rabbit["spec"]!["replicas"]!.GetValue<long>());
        Assert.Equal(config["BROKER_HOST"], Kustomize.Name(rabbit));
        Assert.Contains("default_queue_type = quorum", rabbit["spec"]!["rabbitmq"]!["additionalConfig"]!.GetValue<string>());
        Assert.Equal("broker", rabbit["spec"]!["override"]!["statefulSet"]!["spec"]!["template"]!["metadata"]!["labels"]!["callcenter.io/tier"]!.GetValue<string>());
    }
}
