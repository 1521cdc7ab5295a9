using System.Text.RegularExpressions;

namespace Platform.Deployment.Tests.Policies;

/// <summary>The Dockerfile (not built here: no Docker engine) read for what the manifests rely on.</summary>
public sealed partial class DockerfileTests
{
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(Repository.Root, "Dockerfile"));

    [Fact]
    public void Each_workload_has_a_target_that_runs_its_assembly_as_a_non_root_user()
    {
        foreach (var (name, project) in Repository.Workloads)
        {
            var stage = Stage(name);
            Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{Path.GetFileName(project)}.dll\"]", stage);
            Assert.Contains($"dotnet publish {project}.csproj", Dockerfile);
            Assert.StartsWith("FROM runtime AS", stage);
        }
        var runtime = Stage("runtime");
        Assert.Matches(@"\nUSER 1654\b", runtime); // the UID the pods' runAsUser names
        Assert.DoesNotMatch(@"\nUSER (root|0)\b", Dockerfile);
    }

    [Fact]
    public void The_gateway_image_carries_the_built_web_app()
    {
        Assert.Contains("RUN npm ci", Stage("web"));
        Assert.Contains("RUN npm run build", Stage("web"));
        Assert.Contains("COPY --from=web --chown=root:root /src/web/dist ./web/dist", Stage("gateway"));
    }

    [Fact]
    public void The_build_context_leaves_out_local_data_build_output_and_packages()
    {
        var ignored = File.ReadAllLines(Path.Combine(Repository.Root, ".dockerignore")).Select(l => l.Trim()).ToHashSet();
        Assert.Superset(new HashSet<string> { ".local/", "**/bin/", "**/obj/", "**/node_modules/" }, ignored);
    }

    private static string Stage(string name)
    {
        var match = Regex.Match(Dockerfile, $@"^FROM [^\n]+ AS {name}\n.*?(?=^FROM |\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(match.Success, $"no stage {name}");
        return match.Value;
    }
}
