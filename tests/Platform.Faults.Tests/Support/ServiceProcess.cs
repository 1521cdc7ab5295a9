using System.Diagnostics;

namespace Platform.Faults.Tests.Support;

/// <summary>
/// One replica of a real service as its own process (<c>dotnet Platform.Queue.dll</c> from the service's build folder),
/// configured by environment variables from <paramref name="settings"/>.
/// </summary>
public sealed class ServiceProcess(string service, string assembly, IReadOnlyDictionary<string, string> settings) : ReplicaProcess
{
    protected override string Name => assembly;

    protected override ProcessStartInfo StartInfo()
    {
        var folder = Path.Combine(RepositoryRoot(), "services", service, "bin", "Debug", "net10.0");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder };
        start.ArgumentList.Add(Path.Combine(folder, assembly));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = Address;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }
        return start;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "platform.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("platform.sln not found above the test's folder.");
    }
}
