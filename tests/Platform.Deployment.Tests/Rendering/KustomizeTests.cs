using System.Diagnostics;
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
    /// The renderer of these tests against the real one: <c>kubectl kustomize</c> (kustomize v5), where this machine has it.
    /// A fresh machine may not (Debian's kubectl is 1.20, with a kustomize too old for k8s/): the test then says so
    /// as a skip with the reason, and the other tests still render with <see cref="Kustomize"/>.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public void Renderer_agrees_with_kubectl_kustomize(string overlay)
    {
        var output = KubectlKustomize(Repository.OverlayPath(overlay));
        Skip.If(output is null, "no kubectl with kustomize v5 on this machine (the other tests render with Rendering/Kustomize.cs)");
        var theirs = Yaml.Documents(output!).ToDictionary(Id, Normalized);
        var ours = Repository.Render(overlay).ToDictionary(Id, Normalized);
        Assert.Equal(theirs.Keys.Order(), ours.Keys.Order());
        foreach (var (id, expected) in theirs)
        {
            Assert.True(JsonNode.DeepEquals(expected, ours[id]), $"{id} differs:\nkubectl: {expected.ToJsonString()}\nours:    {ours[id].ToJsonString()}");
        }
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

    private static string? KubectlKustomize(string directory)
    {
        try
        {
            var version = Run("kubectl", "version", "--client");
            if (version is null || !version.Contains("Kustomize Version: v5", StringComparison.Ordinal))
            {
                return null;
            }
            return Run("kubectl", "kustomize", directory) ?? throw new InvalidOperationException($"kubectl kustomize {directory} failed");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no kubectl at all
        }
    }

    private static string? Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        process.WaitForExit(60_000);
        return process.ExitCode == 0 ? output.Result : null;
    }
}
