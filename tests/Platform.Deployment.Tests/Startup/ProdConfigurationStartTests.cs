using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Platform.Deployment.Tests.Policies;
using Platform.Deployment.Tests.Rendering;
using Platform.Testing;

namespace Platform.Deployment.Tests.Startup;

/// <summary>
/// Each service and the gateway, started once as the prod overlay configures its pod: the init container's environment
/// (ConfigMap, Secrets, $(VAR) expansion) runs <c>migrate</c> as the owner, then the main container's environment starts the
/// service, which must reach ready, then stop on SIGTERM within the grace period. Every Secret key a container reads must
/// be one an ExternalSecret of the overlay makes; it is filled with a random test value (the owner's and the broker's are
/// the real ones of the test servers). The test changes only where the pod points to (hosts, ports, the owner's name,
/// the database name, the broker's virtual host is left as rendered), its HTTP port and its queues' prefix, and turns the
/// log level down — nothing a service needs to start: a key missing from the manifests fails here as it would in the cluster.
/// </summary>
public sealed class ProdConfigurationStartTests(ProdStartFixture servers) : IClassFixture<ProdStartFixture>
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    public static TheoryData<string> Workloads => new(Repository.Workloads.Select(w => w.Name));

    [Theory]
    [MemberData(nameof(Workloads))]
    public async Task Starts_with_the_rendered_prod_configuration_and_reaches_ready(string name)
    {
        var objects = Repository.Render("prod");
        var deployment = new Workloads(objects).Deployment(name);
        var assembly = Assembly(name);
        var port = FreePorts.Next();
        var secrets = new TestSecrets(objects, servers);

        var migrate = Environment(objects, Policies.Workloads.Migrate(deployment), secrets, name, port);
        using (var init = new ContainerProcess(assembly, migrate, "migrate"))
        {
            Assert.True(await init.WaitForExitAsync(StartLimit), $"{name} migrate did not finish:\n{init.Output}");
            Assert.True(init.ExitCode == 0, $"{name} migrate exited {init.ExitCode}:\n{init.Output}");
        }

        var main = Environment(objects, Policies.Workloads.MainContainer(deployment), secrets, name, port);
        using var service = new ContainerProcess(assembly, main);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        foreach (var path in new[] { "/health/live", "/health/serving", "/health/ready" })
        {
            await Eventually.HoldsAsync(async () =>
            {
                if (service.HasExited)
                {
                    Assert.Fail($"{name} exited ({service.ExitCode}) before {path} answered:\n{service.Output}");
                }
                try
                {
                    return (await http.GetAsync(path)).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, StartLimit, $"{name} {path} answers 200:\n{service.Output}");
        }

        service.Terminate();
        var preStop = int.Parse(Policies.Workloads.MainContainer(deployment)["lifecycle"]!["preStop"]!["exec"]!["command"]![1]!.GetValue<string>());
        var grace = Policies.Workloads.Pod(deployment)["terminationGracePeriodSeconds"]!.GetValue<long>();
        Assert.True(await service.WaitForExitAsync(TimeSpan.FromSeconds(grace - preStop)), $"{name} still running {grace - preStop} s after SIGTERM");
    }

    /// <summary>
    /// The prod overlay's pods with one Secret nobody replaced (a <c>CHANGE-ME</c> placeholder, as a store that was never
    /// filled would give): the service refuses to start, naming the setting and never its value, so a half-configured
    /// release fails its rollout instead of signing tokens with a published key.
    /// </summary>
    [Theory]
    [MemberData(nameof(Workloads))]
    public async Task Refuses_to_start_when_a_secret_is_still_a_placeholder(string name)
    {
        var objects = Repository.Render("prod");
        var deployment = new Workloads(objects).Deployment(name);
        var placeholder = $"CHANGE-ME-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
        var secrets = new TestSecrets(objects, servers, (("platform-jwt", "signingKey"), placeholder));
        var main = Environment(objects, Policies.Workloads.MainContainer(deployment), secrets, name, FreePorts.Next());
        using var service = new ContainerProcess(Assembly(name), main);
        Assert.True(await service.WaitForExitAsync(StartLimit), $"{name} kept running on a placeholder signing key:\n{service.Output}");
        Assert.NotEqual(0, service.ExitCode);
        Assert.Contains("Jwt:SigningKey is a placeholder", service.Output);
        Assert.DoesNotContain(placeholder, service.Output);
    }

    private Dictionary<string, string> Environment(IReadOnlyList<JsonObject> objects, JsonObject container, TestSecrets secrets, string name, int port)
    {
        // Where the pod points to: the test servers instead of the cluster's Services.
        var pointed = objects.Select(o => o.DeepClone().AsObject()).ToList();
        var config = pointed.Single(o => Kustomize.Kind(o) == "ConfigMap" && Kustomize.Name(o) == "platform-config")["data"]!;
        config["DATABASE_HOST"] = servers.Postgres.Host;
        config["DATABASE_PORT"] = servers.Postgres.Port.ToString();
        config["DATABASE_OWNER"] = servers.Owner;
        config["BROKER_HOST"] = "127.0.0.1";
        config["BROKER_PORT"] = servers.Broker.Port.ToString();
        var environment = ContainerEnvironment.Resolve(pointed, container, secrets.Value);
        environment["Database__Name"] = servers.DatabaseOf(name);
        environment["ASPNETCORE_HTTP_PORTS"] = port.ToString();
        environment["Messaging__EndpointPrefix"] = $"k8s{servers.Suffix}-{name}";
        environment["Messaging__TemporaryEndpoints"] = "true";
        environment["Logging__LogLevel__Default"] = "Warning";
        return environment;
    }

    private static string Assembly(string name)
    {
        var project = Repository.Workloads.Single(w => w.Name == name).Project;
        var path = Path.Combine(Repository.Root, Path.GetDirectoryName(project)!, "bin", Repository.Configuration, "net10.0", Path.GetFileName(project) + ".dll");
        Assert.True(File.Exists(path), $"{path} is not built");
        return path;
    }

    /// <summary>The value of each Secret key, made once per test: only keys an ExternalSecret of the overlay makes.</summary>
    private sealed class TestSecrets(IReadOnlyList<JsonObject> objects, ProdStartFixture servers, params ((string Secret, string Key), string Value)[] given)
    {
        private readonly Dictionary<string, HashSet<string>> made = ContainerEnvironment.SecretKeys(objects);
        private readonly Dictionary<(string, string), string> values = new()
        {
            [("platform-db-owner", "username")] = servers.Owner,
            [("platform-db-owner", "password")] = servers.OwnerPassword,
            [("platform-broker", "username")] = servers.Broker.Username,
            [("platform-broker", "password")] = servers.Broker.Password,
        };

        private readonly Dictionary<(string, string), string> given = given.ToDictionary(g => g.Item1, g => g.Value);

        public string? Value(string secret, string key)
        {
            if (made.GetValueOrDefault(secret)?.Contains(key) != true)
            {
                return null;
            }
            if (given.TryGetValue((secret, key), out var fixedValue))
            {
                return fixedValue;
            }
            if (!values.TryGetValue((secret, key), out var value))
            {
                values[(secret, key)] = value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            }
            return value;
        }
    }
}
