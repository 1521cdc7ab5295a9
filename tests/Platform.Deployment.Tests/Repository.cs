using System.Reflection;
using System.Text.Json.Nodes;
using Platform.Deployment.Tests.Rendering;

namespace Platform.Deployment.Tests;

[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class BuildConfigurationAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>The repository this test runs from, and the overlays of k8s/ rendered once per test run.</summary>
internal static class Repository
{
    public static readonly string Root = FindRoot();

    public static readonly string[] Overlays = ["dev", "prod"];

    /// <summary>The services and the gateway, as the Deployments, images and projects name them.</summary>
    public static readonly (string Name, string Project)[] Workloads =
    [
        ("gateway", "gateway/Platform.Gateway"),
        ("clients", "services/clients/Platform.Clients"),
        ("queue", "services/queue/Platform.Queue"),
        ("scripts", "services/scripts/Platform.Scripts"),
        ("reporting", "services/reporting/Platform.Reporting"),
    ];

    private static readonly Dictionary<string, Lazy<List<JsonObject>>> Rendered = Overlays.ToDictionary(
        o => o, o => new Lazy<List<JsonObject>>(() => Kustomize.Render(OverlayPath(o))));

    public static string OverlayPath(string overlay) => Path.Combine(Root, "k8s", "overlays", overlay);

    public static IReadOnlyList<JsonObject> Render(string overlay) => Rendered[overlay].Value;

    public static string Configuration =>
        typeof(Repository).Assembly.GetCustomAttribute<BuildConfigurationAttribute>()?.Name ?? "Debug";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "platform.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("platform.sln not found above " + AppContext.BaseDirectory);
    }
}
